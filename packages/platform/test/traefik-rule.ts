/**
 * Evaluates a Traefik v3 router rule against a request, for the matchers the platform uses: `Host`
 * (case-insensitive, exact), `Path` (exact), `PathPrefix` (string prefix), `!`, `&&` (binds tighter than
 * `||`) and parentheses. Anything else is an error, so a rule using an unmodelled matcher fails the test
 * instead of passing by accident. No Traefik binary is reachable here; this follows Traefik's documented
 * v3 rule semantics (rules reference, "Rule" section) and nothing more.
 */
export interface Request {
  host: string;
  path: string;
}

type Token =
  | { kind: 'op'; value: '!' | '&&' | '||' | '(' | ')' }
  | { kind: 'matcher'; name: string; arg: string };

function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const rest = rule.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const op = /^(&&|\|\||!|\(|\))/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', value: op[1] as '!' });
      i += op[1]!.length;
      continue;
    }
    const matcher = /^([A-Za-z]+)\(`([^`]*)`\)/.exec(rest);
    if (!matcher) throw new Error(`cannot parse rule at: ${rest}`);
    if (!['Host', 'Path', 'PathPrefix'].includes(matcher[1]!))
      throw new Error(`unmodelled matcher ${matcher[1]}`);
    tokens.push({ kind: 'matcher', name: matcher[1]!, arg: matcher[2]! });
    i += matcher[0].length;
  }
  return tokens;
}

export function matches(rule: string, request: Request): boolean {
  const tokens = tokenize(rule);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (value: string) => {
    const t = peek();
    return t?.kind === 'op' && t.value === value;
  };
  const or = (): boolean => {
    let value = and();
    while (isOp('||')) {
      pos++;
      const right = and();
      value = value || right;
    }
    return value;
  };
  const and = (): boolean => {
    let value = unary();
    while (isOp('&&')) {
      pos++;
      const right = unary();
      value = value && right;
    }
    return value;
  };
  const unary = (): boolean => {
    if (isOp('!')) {
      pos++;
      return !unary();
    }
    if (isOp('(')) {
      pos++;
      const value = or();
      if (!isOp(')')) throw new Error('missing )');
      pos++;
      return value;
    }
    const t = tokens[pos++];
    if (t?.kind !== 'matcher') throw new Error('expected a matcher');
    if (t.name === 'Host') return t.arg.toLowerCase() === request.host.toLowerCase();
    if (t.name === 'Path') return request.path === t.arg;
    return request.path.startsWith(t.arg);
  };
  const result = or();
  if (pos !== tokens.length) throw new Error('trailing tokens');
  return result;
}
