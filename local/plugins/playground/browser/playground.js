/* The playground's browser side: GraphiQL plus an auth picker and saved examples.
 * Plain JavaScript on the UMD globals, served as is (no build step). */
/* global window, document, React, ReactDOM, GraphiQL, playgroundCarry */
(function startPlayground() {
  'use strict';
  const h = React.createElement;
  const TOKEN_REFRESH_MARGIN_S = 60;
  /** Asks the offline server for the request's trace, shown beside the answer (not an AppSync header). */
  const TRACE_HEADER = 'x-appsync-local-trace';
  /** How many earlier answers the walkthrough remembers to fill the next example's PASTE_ placeholders. */
  const REMEMBERED_ANSWERS = 20;
  /**
   * Answers (their `data`), newest first; the signed-in user's id joins them as `me.id`. Kept in
   * localStorage, so a second tab (cancel there while this one watches) continues the walkthrough.
   */
  const ANSWERS_KEY = 'playground:answers';
  const answers = () => {
    try {
      return JSON.parse(window.localStorage.getItem(ANSWERS_KEY) || '[]');
    } catch {
      return [];
    }
  };
  const remember = (data) => {
    window.localStorage.setItem(ANSWERS_KEY, JSON.stringify([data].concat(answers()).slice(0, REMEMBERED_ANSWERS)));
  };

  async function getJson(url, init) {
    const response = await fetch(url, init);
    return response.json();
  }

  /** The sign-in choices the API allows: API key, each configured user, IAM. */
  function authChoices(config) {
    const choices = [];
    if (config.apiKey) choices.push({ id: 'api-key', label: 'API key', kind: 'API_KEY' });
    for (const user of config.users) {
      const groups = user.groups.length > 0 ? ` (${user.groups.join(', ')})` : '';
      choices.push({ id: `user:${user.username}`, label: `User ${user.username}${groups}`, kind: 'USER', user });
    }
    if (config.userPool) choices.push({ id: 'other-user', label: 'Other user…', kind: 'USER', other: true });
    if (config.iam) choices.push({ id: 'iam', label: `IAM (${config.iam.accessKeyId})`, kind: 'IAM' });
    choices.push({ id: 'none', label: 'No credentials', kind: 'NONE' });
    return choices;
  }

  function jwtClaims(token) {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(window.atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  }

  /** Signs a listed user in as an app does: Cognito's InitiateAuth (USER_PASSWORD_AUTH) on the server's user pool endpoint. */
  async function signInWithPassword(signIn, user) {
    const response = await fetch(signIn.path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: signIn.clientId,
        AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
      }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`Sign-in refused: ${body.__type}: ${body.message}`);
    const idToken = body.AuthenticationResult.IdToken;
    const claims = jwtClaims(idToken);
    return { idToken, username: claims['cognito:username'], sub: claims.sub, expiresAt: claims.exp, via: 'the user pool (InitiateAuth)' };
  }

  /** Headers that carry the chosen credentials for one request body. Tokens are minted by the server and reused until near expiry. */
  function createCredentials(config, onStatus) {
    const tokens = new Map();
    return async function credentialHeaders(choice, body) {
      if (choice.kind === 'API_KEY') return { 'x-api-key': config.apiKey };
      if (choice.kind === 'USER') {
        if (!choice.user.username) throw new Error('Type a user name first.');
        const key = `${choice.user.username}|${choice.user.groups.join(',')}`;
        let minted = tokens.get(key);
        if (!minted || minted.expiresAt - Date.now() / 1000 < TOKEN_REFRESH_MARGIN_S) {
          minted =
            config.signIn && choice.user.password
              ? await signInWithPassword(config.signIn, choice.user)
              : {
                  ...(await getJson(
                    `/playground/token?user=${encodeURIComponent(choice.user.username)}&groups=${encodeURIComponent(choice.user.groups.join(','))}`,
                  )),
                  via: 'a minted token',
                };
          tokens.set(key, minted);
        }
        remember({ me: { id: minted.sub } });
        onStatus(
          `Signed in as ${minted.username} through ${minted.via} (sub ${minted.sub}), token valid until ${new Date(minted.expiresAt * 1000).toLocaleTimeString()}`,
        );
        return { authorization: minted.idToken };
      }
      if (choice.kind === 'IAM') {
        const { headers } = await getJson('/playground/sign', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ body }),
        });
        delete headers.host; // the browser sends the page's host itself, which is the one signed
        return headers;
      }
      return {};
    };
  }

  function isSubscription(params) {
    try {
      const operation = GraphiQL.GraphQL.getOperationAST(GraphiQL.GraphQL.parse(params.query), params.operationName || undefined);
      return operation !== null && operation.operation === 'subscription';
    } catch {
      return false;
    }
  }

  /**
   * Where operations go. `http` posts to /graphql; `subscription(params, options, credentials)`
   * is the slot the realtime playground fills (window.playground.transports.subscription), where
   * `credentials(body)` resolves the chosen auth's headers for a request body.
   */
  const transports = {
    http: null,
    subscription: async () => ({
      errors: [{ message: 'Subscriptions are not available in this playground yet: use a realtime client on /graphql/realtime.' }],
    }),
  };
  window.playground = { transports };

  function createHttpTransport(config, currentChoice, credentialHeaders, onTrace) {
    return async function httpTransport(params, options) {
      const body = JSON.stringify(params);
      const headers = Object.assign(
        { 'content-type': 'application/json', [TRACE_HEADER]: '1' },
        options && options.headers,
        await credentialHeaders(currentChoice(), body),
      );
      const response = await fetch(config.graphqlPath, { method: 'POST', headers, body });
      const answer = await response.json();
      // The trace goes to the timeline; the answer pane shows what AppSync would answer.
      if (answer && answer.extensions && answer.extensions.trace) {
        onTrace(answer.extensions.trace);
        delete answer.extensions.trace;
        if (Object.keys(answer.extensions).length === 0) delete answer.extensions;
      } else onTrace(null);
      if (answer && answer.data && !isIntrospection(params)) remember(answer.data);
      return answer;
    };
  }

  function isIntrospection(params) {
    return /\b__schema\b/.test(params.query || '');
  }

  /** One line of the timeline: what ran, when it started and for how long, as a bar. */
  function TraceRow(props) {
    const event = props.event;
    const total = Math.max(props.total, 1);
    const what =
      event.kind === 'resolver'
        ? `${event.field} (${event.path})${event.dataSources.length ? ` → ${event.dataSources.join(', ')}` : ''}`
        : event.kind === 'sql'
          ? `SQL ${event.sql}${event.rows === undefined ? '' : ` (${event.rows} rows)`}`
          : event.kind === 'lambda'
            ? `Lambda ${event.functionName}`
            : `${event.level} ${event.file.split('/').slice(-2).join('/')} ${event.handler}: ${event.message}`;
    const left = (event.startMs / total) * 100;
    const width = Math.max(((event.durationMs || 0) / total) * 100, 0.8);
    return h(
      'div',
      { className: `row ${event.kind}` },
      h('span', { className: event.error ? 'what error' : 'what' }, event.error ? `${what} — ${event.error}` : what),
      h('span', { className: 'ms' }, event.durationMs === undefined ? `@${event.startMs}ms` : `${event.durationMs}ms`),
      h('div', {
        className: 'bar',
        style: { marginLeft: `${Math.min(left, 99)}%`, width: `${Math.min(width, 100 - Math.min(left, 99))}%` },
      }),
    );
  }

  function TracePanel(props) {
    const trace = props.trace;
    if (!trace) return h('aside', { id: 'trace' }, h('h2', null, 'Trace'), 'Run an operation to see what it did.');
    return h(
      'aside',
      { id: 'trace' },
      h('h2', null, `Trace ${trace.requestId.slice(0, 8)} · ${trace.durationMs} ms`),
      trace.events.length === 0
        ? 'No resolver ran.'
        : trace.events.map((event, index) => h(TraceRow, { key: index, event, total: trace.durationMs })),
    );
  }

  function Select(props) {
    return h(
      'label',
      null,
      `${props.label} `,
      h(
        'select',
        { id: props.id, value: props.value, onChange: (event) => props.onChange(event.target.value) },
        props.options.map((option) => h('option', { key: option.value, value: option.value }, option.label)),
      ),
    );
  }

  function App(props) {
    const config = props.config;
    const choices = React.useMemo(() => authChoices(config), [config]);
    const [choiceId, setChoiceId] = React.useState(choices[0].id);
    const [status, setStatus] = React.useState('');
    const [example, setExample] = React.useState(null);
    const [otherUser, setOtherUser] = React.useState({ username: '', groups: '' });
    const [trace, setTrace] = React.useState(null);
    const choiceRef = React.useRef(choices[0]);
    const picked = choices.find((choice) => choice.id === choiceId) || choices[0];
    choiceRef.current = picked.other
      ? Object.assign({}, picked, {
          user: {
            username: otherUser.username.trim(),
            groups: otherUser.groups
              .split(',')
              .map((group) => group.trim())
              .filter(Boolean),
          },
        })
      : picked;
    const fetcher = React.useMemo(() => {
      const credentialHeaders = createCredentials(config, setStatus);
      transports.http = createHttpTransport(config, () => choiceRef.current, credentialHeaders, setTrace);
      const currentCredentials = (body) => credentialHeaders(choiceRef.current, body);
      return (params, options) =>
        isSubscription(params) ? transports.subscription(params, options, currentCredentials) : transports.http(params, options);
    }, [config]);
    const pickChoice = (id) => {
      setChoiceId(id);
      setStatus(id.startsWith('user:') ? 'A token is minted with the next request.' : '');
    };
    // Picking an example fills its placeholders from the answers so far, and gives it a fresh UUID where it asks for one.
    const pickExample = (name) => {
      const chosen = config.examples.find((candidate) => candidate.name === name) || null;
      setExample(chosen && Object.assign({}, chosen, { variables: playgroundCarry.fill(chosen.variables || {}, answers()) }));
    };
    const bar = h(
      'div',
      { id: 'auth-bar' },
      h(Select, {
        id: 'auth-choice',
        label: 'Auth',
        value: choiceId,
        onChange: pickChoice,
        options: choices.map((choice) => ({ value: choice.id, label: choice.label })),
      }),
      picked.other &&
        h('input', {
          id: 'other-user-name',
          placeholder: 'user name',
          value: otherUser.username,
          onChange: (event) => setOtherUser(Object.assign({}, otherUser, { username: event.target.value })),
        }),
      picked.other &&
        h('input', {
          id: 'other-user-groups',
          placeholder: 'groups (a,b)',
          value: otherUser.groups,
          onChange: (event) => setOtherUser(Object.assign({}, otherUser, { groups: event.target.value })),
        }),
      config.examples.length > 0 &&
        h(Select, {
          id: 'example-choice',
          label: 'Example',
          value: example ? example.name : '',
          onChange: pickExample,
          options: [{ value: '', label: '(pick one)' }].concat(
            config.examples.map((candidate) => ({ value: candidate.name, label: candidate.name })),
          ),
        }),
      h('span', { id: 'auth-status' }, status),
    );
    const graphiqlProps = { fetcher, defaultQuery: config.welcome, defaultEditorToolsVisibility: 'variables' };
    if (example) {
      graphiqlProps.query = example.query;
      graphiqlProps.variables = JSON.stringify(example.variables || {}, null, 2);
      // GraphiQL learns the operation name from an edit after a debounce: a quick run would send the old one.
      const named = /^\s*(query|mutation|subscription)\s+(\w+)/m.exec(example.query);
      if (named) graphiqlProps.operationName = named[2];
    }
    return h(
      React.Fragment,
      null,
      bar,
      h('div', { id: 'main' }, h('div', { id: 'graphiql' }, h(GraphiQL, graphiqlProps)), h(TracePanel, { trace })),
    );
  }

  getJson('/playground/config').then((config) => {
    ReactDOM.createRoot(document.getElementById('playground')).render(h(App, { config }));
  });
})();
