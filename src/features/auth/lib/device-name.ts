/**
 * A remembered device's name as a person knows it. Cognito keeps whatever the
 * client sent at ConfirmDevice as the device's `device_name`. Amplify sends
 * the browser's client hints where it has them (Chromium-based browsers:
 * "Windows 15.0.0 x86 Windows Not A(Brand/99.0.0.0;Google Chrome/131.0.0.0;
 * Chromium/131.0.0.0"), otherwise its user agent: nobody reads either as "this
 * is my laptop's Chrome".
 */

export interface DeviceDescription {
  /** "Chrome", "Safari"…; undefined when the name isn't a browser's user agent. */
  browser: string | undefined
  /** "Windows", "macOS", "iOS"…; undefined when the user agent doesn't say. */
  system: string | undefined
}

// Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|\bChrome\//, 'Chrome'],
  [/\bChromium\//, 'Chromium'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
]

const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b|\biPod\b/, 'iOS'],
  [/\biPad\b/, 'iPadOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b|\bChrome OS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b|\bmacOS\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
]

/** The browser and system a user agent or client hints name, each undefined when they don't. */
export function describeDevice(userAgent: string): DeviceDescription {
  const find = (table: [RegExp, string][]) =>
    table.find(([pattern]) => pattern.test(userAgent))?.[1]
  return { browser: find(BROWSERS), system: find(SYSTEMS) }
}
