/**
 * The CSS of the ui-react primitives the auth forms use: only those files,
 * never the whole styles.css, and no ThemeProvider (its <style> tag would break
 * the CSP). Imported by the auth screens' components only, so it lands in the
 * lazy auth chunks' CSS, never in the main chunk. Our auth.css comes last and
 * maps ui-react's tokens onto the app's.
 */
import '@aws-amplify/ui-react/styles/base.css'
import '@aws-amplify/ui-react/styles/flex.css'
import '@aws-amplify/ui-react/styles/text.css'
import '@aws-amplify/ui-react/styles/icon.css'
import '@aws-amplify/ui-react/styles/visuallyHidden.css'
import '@aws-amplify/ui-react/styles/field.css'
import '@aws-amplify/ui-react/styles/fieldMessages.css'
import '@aws-amplify/ui-react/styles/fieldGroup.css'
import '@aws-amplify/ui-react/styles/input.css'
import '@aws-amplify/ui-react/styles/textField.css'
import '@aws-amplify/ui-react/styles/passwordField.css'
import '@aws-amplify/ui-react/styles/button.css'
import '@aws-amplify/ui-react/styles/alert.css'
import '../auth.css'
