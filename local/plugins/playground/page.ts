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
  <link rel="stylesheet" href="${asset('graphiql.css')}">
  <style>
    html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
    #playground { display: flex; flex-direction: column; height: 100vh; }
    #auth-bar { display: flex; gap: 12px; align-items: center; padding: 6px 12px; border-bottom: 1px solid #ddd; font-size: 14px; }
    #auth-bar select { font-size: 14px; }
    #auth-status { color: #666; }
    #graphiql { flex: 1; min-height: 0; }
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
