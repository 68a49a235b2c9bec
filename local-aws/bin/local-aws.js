#!/usr/bin/env node
// The emulator is TypeScript; tsx's loader runs it on every supported Node
// (20.19 can't strip types itself), in this process, so signals reach it directly.
import { register } from 'tsx/esm/api'

register()
await import('../src/standalone.ts')
