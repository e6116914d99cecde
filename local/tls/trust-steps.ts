/**
 * How to trust the local CA on each kind of device a mobile developer uses, one command or path
 * each, for the banner and the README. The CA is created once, so each device is set up once.
 */
export function trustSteps(caFile: string): { readonly where: string; readonly how: string }[] {
  return [
    { where: 'iOS simulator', how: `xcrun simctl keychain booted add-root-cert ${caFile}` },
    {
      where: 'Android emulator',
      how: `adb push ${caFile} /sdcard/Download/ then Settings > Security > Encryption & credentials > Install a certificate > CA certificate; the app's debug network_security_config must trust user certificates`,
    },
    { where: 'macOS host', how: `sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${caFile}` },
    {
      where: 'Linux host',
      how: `sudo cp ${caFile} /usr/local/share/ca-certificates/appsync-local.crt && sudo update-ca-certificates`,
    },
    { where: 'Windows host', how: `certutil -addstore -f ROOT ${caFile}` },
    { where: 'Node.js', how: `NODE_EXTRA_CA_CERTS=${caFile} node app.js` },
  ];
}
