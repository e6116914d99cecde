/* The playground's browser side: GraphiQL plus an auth picker and saved examples.
 * Plain JavaScript on the UMD globals, served as is (no build step). */
/* global window, document, React, ReactDOM, GraphiQL */
(function startPlayground() {
  'use strict';
  const h = React.createElement;
  const TOKEN_REFRESH_MARGIN_S = 60;

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

  /**
   * Headers that carry the chosen credentials for one request body. Listed users sign in through
   * the user pool with their password; any other name gets a token minted by the server. Tokens
   * are reused until near expiry.
   */
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

  /**
   * GraphiQL takes in a new document's operation name after a short debounce, so a run right after
   * picking an example can carry the previous example's name. When the document holds one
   * operation and not the named one, that one operation is meant.
   */
  function withCurrentOperation(params) {
    try {
      const operations = GraphiQL.GraphQL.parse(params.query).definitions.filter((node) => node.kind === 'OperationDefinition');
      const named = operations.some((node) => node.name && node.name.value === params.operationName);
      if (!params.operationName || named || operations.length !== 1) return params;
      return Object.assign({}, params, { operationName: operations[0].name ? operations[0].name.value : undefined });
    } catch {
      return params;
    }
  }

  function isSubscription(params) {
    try {
      const operation = GraphiQL.GraphQL.getOperationAST(GraphiQL.GraphQL.parse(params.query), params.operationName || undefined);
      return operation !== null && operation.operation === 'subscription';
    } catch {
      return false;
    }
  }

  /** The last `data` each named operation answered in this tab: what placeholders read. */
  const answers = new Map();
  const PLACEHOLDER = /\{\{([^{}]+)\}\}/g;

  function operationNameOf(params) {
    try {
      const operation = GraphiQL.GraphQL.getOperationAST(GraphiQL.GraphQL.parse(params.query), params.operationName || undefined);
      return operation && operation.name ? operation.name.value : null;
    } catch {
      return null;
    }
  }

  function rememberAnswer(params, result) {
    const name = operationNameOf(params);
    if (name && result && result.data) answers.set(name, result.data);
  }

  /** The value a placeholder names, or undefined (with the reason in `missing`). */
  function placeholderValue(reference, missing) {
    if (reference === 'uuid') return crypto.randomUUID();
    const [operation, ...path] = reference.split('.');
    let value = answers.get(operation);
    if (value === undefined) {
      missing.add(`run ${operation} first`);
      return undefined;
    }
    for (const key of path) value = value === null || value === undefined ? undefined : value[key];
    if (value === undefined || value === null) missing.add(`${reference} is empty in ${operation}'s last answer`);
    return value === null ? undefined : value;
  }

  /** Copies example variables with every `{{…}}` filled where it can be (see PlaygroundExample in local/config/project.ts). */
  function fillPlaceholders(value, missing) {
    if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, missing));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillPlaceholders(item, missing)]));
    }
    if (typeof value !== 'string') return value;
    const whole = /^\{\{([^{}]+)\}\}$/.exec(value);
    if (whole) {
      const filled = placeholderValue(whole[1].trim(), missing);
      return filled === undefined ? value : filled;
    }
    return value.replace(PLACEHOLDER, (text, reference) => {
      const filled = placeholderValue(reference.trim(), missing);
      return filled === undefined ? text : String(filled);
    });
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

  function createHttpTransport(config, currentChoice, credentialHeaders) {
    return async function httpTransport(params, options) {
      const body = JSON.stringify(params);
      const headers = Object.assign(
        { 'content-type': 'application/json' },
        options && options.headers,
        await credentialHeaders(currentChoice(), body),
      );
      const response = await fetch(config.graphqlPath, { method: 'POST', headers, body });
      const result = await response.json();
      rememberAnswer(params, result);
      return result;
    };
  }

  const clock = () => new Date().toLocaleTimeString();

  /**
   * Runs a subscription outside GraphiQL's single execution, so it keeps watching while other
   * operations run: its events collect in the Events panel, newest first, each with its time.
   */
  function startWatch(params, credentials, setWatches) {
    const id = `${Date.now()}-${Math.random().toString(16).slice(2)}`;
    const name = operationNameOf(params) || 'subscription';
    const update = (change) =>
      setWatches((watches) => watches.map((watch) => (watch.id === id ? Object.assign({}, watch, change(watch)) : watch)));
    let acknowledged;
    const ready = new Promise((resolve) => (acknowledged = resolve));
    const handle = transports.subscription(params, {}, credentials).subscribe({
      next(result) {
        if (result && result.extensions && result.extensions.realtime) {
          update(() => ({ status: 'watching' }));
          acknowledged({ data: null, extensions: { playground: `Watching ${name}: its events are listed in the Events panel below.` } });
          return;
        }
        if (result && result.data) rememberAnswer(params, result);
        update((watch) => ({ events: [{ at: clock(), result }].concat(watch.events) }));
        acknowledged(result);
      },
      error(error) {
        update(() => ({ status: `failed: ${error && error.message ? error.message : error}` }));
        acknowledged({ errors: [{ message: String(error && error.message ? error.message : error) }] });
      },
      complete() {
        update(() => ({ status: 'stopped' }));
        acknowledged({ data: null, extensions: { playground: `${name} ended.` } });
      },
    });
    const stop = () => {
      handle.unsubscribe();
      update(() => ({ status: 'stopped' }));
    };
    setWatches((watches) => [{ id, name, status: 'starting', startedAt: clock(), events: [], stop }].concat(watches));
    return ready;
  }

  function EventsPanel(props) {
    if (props.watches.length === 0) return null;
    return h(
      'section',
      { id: 'events', 'aria-label': 'Subscription events' },
      h('h2', null, 'Events'),
      props.watches.map((watch) =>
        h(
          'div',
          { key: watch.id, className: 'watch', 'data-watch': watch.name },
          h(
            'div',
            { className: 'watch-head' },
            h('strong', null, watch.name),
            ` since ${watch.startedAt} · `,
            h('span', { className: 'watch-status' }, watch.status),
            watch.status === 'watching' && h('button', { type: 'button', onClick: watch.stop }, 'Stop'),
          ),
          watch.events.length === 0
            ? h('p', { className: 'watch-empty' }, 'No event yet: run a mutation that publishes to it.')
            : h(
                'ol',
                { className: 'watch-events' },
                watch.events.map((event, index) =>
                  h(
                    'li',
                    { key: watch.events.length - index, className: 'watch-event' },
                    h('time', null, event.at),
                    h('pre', null, JSON.stringify(event.result, null, 2)),
                  ),
                ),
              ),
        ),
      ),
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
    const [watches, setWatches] = React.useState([]);
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
      transports.http = createHttpTransport(config, () => choiceRef.current, credentialHeaders);
      const currentCredentials = (body) => credentialHeaders(choiceRef.current, body);
      return (given, options) => {
        const params = withCurrentOperation(given);
        return isSubscription(params) ? startWatch(params, currentCredentials, setWatches) : transports.http(params, options);
      };
    }, [config]);
    const pickChoice = (id) => {
      setChoiceId(id);
      setStatus(id.startsWith('user:') ? 'A token is minted with the next request.' : '');
    };
    // Placeholders are filled at each pick, so ids come from the latest answers and keys are new.
    const pickExample = (name) => {
      const picked = config.examples.find((candidate) => candidate.name === name) || null;
      if (!picked) return setExample(null);
      const missing = new Set();
      const variables = fillPlaceholders(picked.variables || {}, missing);
      setExample({ name: picked.name, query: picked.query, variables, picks: (example ? example.picks : 0) + 1 });
      setStatus(missing.size > 0 ? `Not filled yet: ${[...missing].join('; ')}.` : '');
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
      example &&
        h(
          'button',
          {
            id: 'example-refill',
            type: 'button',
            title: 'Fill the placeholders again: new keys, latest ids',
            onClick: () => pickExample(example.name),
          },
          'Fill again',
        ),
      h('span', { id: 'auth-status' }, status),
    );
    const graphiqlProps = { fetcher };
    if (config.welcome) graphiqlProps.defaultQuery = config.welcome;
    if (example) {
      graphiqlProps.query = example.query;
      graphiqlProps.variables = JSON.stringify(example.variables || {}, null, 2);
    }
    return h(React.Fragment, null, bar, h('div', { id: 'graphiql' }, h(GraphiQL, graphiqlProps)), h(EventsPanel, { watches }));
  }

  getJson('/playground/config').then((config) => {
    ReactDOM.createRoot(document.getElementById('playground')).render(h(App, { config }));
  });
})();
