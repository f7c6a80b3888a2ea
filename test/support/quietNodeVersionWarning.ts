// The AWS SDK warns on every start that it will want Node 22 from 2027; in test output it only hides failures.
process.removeAllListeners('warning').on('warning', (warning) => {
  if (!warning.message.includes('NodeVersionSupportWarning')) console.warn(warning);
});
