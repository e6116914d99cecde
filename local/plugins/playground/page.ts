import { PlaygroundPaths } from './constants.js';

const asset = (name: string) => `${PlaygroundPaths.ASSETS}${name}`;

/** The playground page: GraphiQL from the installed UMD builds, started by our own script. */
export function playgroundPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>GraphQL playground (offline AppSync)</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" type="image/svg+xml" href="${asset('favicon.svg')}">
  <link rel="stylesheet" href="${asset('graphiql.css')}">
  <style>
    html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
    #playground { display: flex; flex-direction: column; height: 100vh; }
    #auth-bar { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 6px 12px; border-bottom: 1px solid #ddd; font-size: 14px; }
    #auth-bar select { font-size: 14px; max-width: 100%; }
    #auth-bar label { max-width: 100%; }
    #auth-status { color: #666; }
    #main { flex: 1; min-height: 0; display: flex; }
    #graphiql { flex: 1; min-width: 0; min-height: 0; }
    #trace { width: 340px; overflow: auto; border-left: 1px solid #ddd; font: 12px/1.4 ui-monospace, monospace; padding: 8px; }
    #trace h2 { font: 600 13px system-ui, sans-serif; margin: 0 0 6px; }
    #trace .row { display: grid; grid-template-columns: 1fr 60px; gap: 2px 6px; margin-bottom: 4px; }
    #trace .bar { height: 6px; background: #e10098; border-radius: 2px; grid-column: 1 / 3; }
    #trace .sql .bar { background: #0b7285; } #trace .lambda .bar { background: #e8590c; } #trace .log .bar { background: #868e96; }
    #trace .what { overflow-wrap: anywhere; } #trace .ms { text-align: right; color: #666; }
    #trace .error { color: #c92a2a; }
    /* A phone-sized window (390 px): the trace goes under the editors, which stack. */
    @media (max-width: 700px) {
      #main { flex-direction: column; }
      #trace { width: auto; max-height: 35vh; border-left: 0; border-top: 1px solid #ddd; }
      .graphiql-container .graphiql-sidebar { display: none; }
      .graphiql-container .graphiql-main, .graphiql-container .graphiql-sessions { min-width: 0; }
      .graphiql-container .graphiql-session { flex-direction: column; }
      .graphiql-container .graphiql-session > div { min-height: 40%; }
    }
  </style>
</head>
<body>
  <div id="playground">Loading…</div>
  <script src="${asset('react.js')}"></script>
  <script src="${asset('react-dom.js')}"></script>
  <script src="${asset('graphiql.js')}"></script>
  <script src="${asset('carry.js')}"></script>
  <script src="${asset('playground.js')}"></script>
  <script src="${asset('realtime.js')}"></script>
</body>
</html>
`;
}
