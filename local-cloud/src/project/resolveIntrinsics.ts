/** What a template's Ref and Fn::GetAtt point at, locally. */
export interface IntrinsicContext {
  ref(logicalId: string): string;
  getAtt(logicalId: string, attribute: string): string;
}

/**
 * Resolves the CloudFormation intrinsic functions a Serverless config uses (Ref, Fn::GetAtt, Fn::Sub,
 * Fn::Join, Fn::Select) against local resources, so environment variables, stream ARNs and outputs
 * become plain strings. Anything else is left as written.
 *
 * @example
 * resolveIntrinsics({ 'Fn::GetAtt': ['RawEventsStream', 'Arn'] }, context) // 'arn:aws:kinesis:...:stream/...'
 */
export function resolveIntrinsics(value: unknown, context: IntrinsicContext): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveIntrinsics(item, context));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [[name, argument]] = entries as [[string, unknown]];
    const resolved = resolveFunction(name, argument, context);
    if (resolved !== undefined) return resolved;
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveIntrinsics(item, context)]));
}

function resolveFunction(name: string, argument: unknown, context: IntrinsicContext): unknown {
  switch (name) {
    case 'Ref':
      return context.ref(String(argument));
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = Array.isArray(argument) ? argument.map(String) : String(argument).split(/\.(.*)/s);
      return context.getAtt(logicalId!, attribute!);
    }
    case 'Fn::Join': {
      const [separator, parts] = argument as [string, unknown[]];
      return (resolveIntrinsics(parts, context) as unknown[]).join(separator);
    }
    case 'Fn::Select': {
      const [index, list] = argument as [number | string, unknown];
      return (resolveIntrinsics(list, context) as unknown[])[Number(index)];
    }
    case 'Fn::Sub': {
      const [template, variables = {}] = Array.isArray(argument) ? argument : [argument];
      const resolvedVariables = resolveIntrinsics(variables, context) as Record<string, unknown>;
      return String(template).replace(/\$\{(!?)([^}]+)\}/g, (_, literal: string, expression: string) => {
        if (literal) return `\${${expression}}`;
        if (Object.hasOwn(resolvedVariables, expression)) return String(resolvedVariables[expression]);
        const [logicalId, attribute] = expression.split(/\.(.*)/s);
        return attribute ? context.getAtt(logicalId!, attribute) : context.ref(logicalId!);
      });
    }
    default:
      return undefined;
  }
}
