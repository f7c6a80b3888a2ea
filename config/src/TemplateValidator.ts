/**
 * Checks packaged CloudFormation templates the way CloudFormation will read them, offline: every
 * resource type exists, every property is one its type has, with a value of the right type and
 * within its limits, and every required property is there (AWS's resource provider schemas, with
 * cfn-lint's rules). The project's own checks (IAM, data protection, Glue drift) say what the
 * templates should hold; this one says whether AWS accepts them at all.
 *
 * It runs `@aws/cloudformation-validate`, AWS's cfn-lint compiled to WebAssembly with the schemas
 * bundled: no Python, no network. Intrinsics (`Ref`, `Fn::GetAtt`, `Fn::Sub`) are accepted where a
 * value is expected.
 */
import { RegoEngine, type Engine, type StandardDiagnostic } from '@aws/cloudformation-validate';

/**
 * The warnings that still fail a deployment: a value outside the ones a property allows
 * (`BillingMode: ON_DEMAND`, `Architectures: [arm]`) is refused by the service's API. The other
 * warnings are advice the framework's own resources do not follow (W3005 redundant `DependsOn`,
 * W3011 log groups without `UpdateReplacePolicy`, W2531 runtimes' end of support), so the rest of
 * the check stays at errors.
 */
const FAILING_WARNINGS: ReadonlySet<string> = new Set(['W3030']);

const failsDeployment = (diagnostic: StandardDiagnostic): boolean =>
  diagnostic.severity === 'ERROR' || diagnostic.severity === 'FATAL' || FAILING_WARNINGS.has(diagnostic.ruleId);

/**
 * One engine for many templates: creating it takes about 2.5 s and 500 MB; a template then takes
 * 20–350 ms. Call `free()` when done, since the engine's memory is outside JavaScript's heap.
 *
 * @example
 * const validator = new TemplateValidator();
 * try {
 *   validator.problemsOf('ingest', template);
 *   // ["ingest RawEventsStream Properties.ShardCont: Additional properties are not allowed ('ShardCont' was unexpected) [F3002]"]
 * } finally {
 *   validator.free();
 * }
 */
export class TemplateValidator {
  readonly #engine: Engine = new RegoEngine();

  /** Every problem of one template, `<service> <logical id> <property>: <message> [<rule>]`; none when AWS accepts it. */
  problemsOf(service: string, template: object): string[] {
    const text = Buffer.from(JSON.stringify(template));
    const report = this.#engine.validateStandard(
      // The engine reads a template through this interface; a packaged one is already in memory.
      { path: `${service}.json`, readBytes: () => text },
      { severityLevel: 'WARN' },
    );
    return report.diagnostics.filter(failsDeployment).map((diagnostic) => {
      const where = [diagnostic.entity?.logicalId, diagnostic.propertyPath].filter(Boolean).join(' ');
      return `${service}${where ? ` ${where}` : ''}: ${diagnostic.message} [${diagnostic.ruleId}]`;
    });
  }

  free(): void {
    this.#engine.free();
  }
}
