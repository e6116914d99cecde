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
  <link rel="icon" href="${asset('favicon.svg')}" type="image/svg+xml">
  <link rel="stylesheet" href="${asset('graphiql.css')}">
  <style>
    html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
    #playground { display: flex; flex-direction: column; height: 100vh; }
    #auth-bar { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 6px 12px; border-bottom: 1px solid #ddd; font-size: 14px; }
    #auth-bar select, #auth-bar input, #auth-bar button { font-size: 14px; max-width: 100%; }
    #auth-bar label { max-width: 100%; }
    #auth-status { color: #666; }
    #graphiql { flex: 1; min-height: 0; }
    #events { max-height: 35vh; overflow: auto; border-top: 1px solid #ddd; padding: 4px 12px; font-size: 13px; }
    #events h2 { font-size: 14px; margin: 4px 0; }
    .watch-head button { margin-left: 8px; }
    .watch-events { margin: 4px 0; padding-left: 20px; }
    .watch-event time { color: #666; }
    .watch-event pre { margin: 2px 0 6px; white-space: pre-wrap; word-break: break-all; }
    /* A phone-sized window: editors above the answer, the sidebar narrower, nothing wider than the screen. */
    @media (max-width: 700px) {
      .graphiql-container { min-width: 0; }
      .graphiql-sidebar { padding: 4px; }
      .graphiql-session { flex-direction: column; }
      .graphiql-session > .graphiql-horizontal-drag-bar { display: none; }
      .graphiql-session > * { min-width: 0; min-height: 0; }
      /* With one tab GraphiQL pulls the editors up under its header; in a column that puts its logo over the run button. */
      .graphiql-editors.full-height { margin-top: 0 !important; }
      .graphiql-logo { display: none; }
      .graphiql-plugin { display: none; }
    }
  </style>
</head>
<body>
  <div id="playground">Loading…</div>
  <script src="${asset('react.js')}"></script>
  <script src="${asset('react-dom.js')}"></script>
  <script src="${asset('graphiql.js')}"></script>
  <script src="${asset('playground.js')}"></script>
  <script src="${asset('realtime.js')}"></script>
</body>
</html>
`;
}
