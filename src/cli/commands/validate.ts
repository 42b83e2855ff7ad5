/**
 * `yibao validate FILE...`: check scenario, policy, reform and rule documents (sanctions, agreements) and report every problem
 * (file:line, field, value, what is allowed). The kind of document is told by its shape; see DOCUMENT_KINDS.
 */
import { KIND_FIELDS } from '../../input/documentKind.js';
import type { Command } from 'commander';
import { readDocument, validateDocument, type SourceDocument } from '../../input/document.js';
import { formatProblem, InputError, type Problem } from '../../input/inputError.js';
import { loadPolicy, policyFromDocument } from '../../policy/load.js';
import { applyReform, reformSchema } from '../../policy/reform.js';
import { providerSetup, type ProviderSetup } from '../../engine/providers.js';
import type { RunSpec } from '../../engine/spec.js';
import { runSpec, scenarioFromDocument, withDocumentLines, type LoadedScenario } from '../../scenario/load.js';
import { agreementRulesFromDocument } from '../../institutions/rules.js';
import { penaltyRulesFromDocument } from '../../supervision/load.js';
import { jurisdictionText } from '../../policy/jurisdiction.js';
import { defaultPolicyFile } from '../paths.js';
import { cashflowAssumptions } from '../../cashflow/assumptions.js';

export interface ValidateOptions {
  /** Baseline policy a reform is applied to, and how to name it. */
  policy: string;
  policyLabel: string;
}

/** A kind of input document: how to recognise it, and how to check it (throwing InputError). */
export interface DocumentKind {
  name: string;
  matches(data: unknown): boolean;
  /** Returns a one-line summary of the valid document. */
  check(doc: SourceDocument, options: ValidateOptions): string;
}

const isObjectWith = (data: unknown, key: string) => data !== null && typeof data === 'object' && !Array.isArray(data) && key in data;

const reformKind: DocumentKind = {
  name: 'reform',
  matches: (data) => KIND_FIELDS.reform.some((key) => isObjectWith(data, key)),
  check(doc, options) {
    const reform = { ...validateDocument(doc, reformSchema), file: doc.file, doc };
    const merged = applyReform(loadPolicy(options.policy), reform);
    return `valid reform "${reform.id}" (applied to ${options.policyLabel}: policy "${merged.policy.id}")`;
  },
};

/** Rule files as "CN-GX (CN-GX, borrowed)": each id with its jurisdiction, marked when it is not the region's own. */
function ruleFiles(files: readonly { id: string; jurisdiction: string }[], region: string): string {
  return files.map((f) => `${f.id} (${jurisdictionText(f.jurisdiction, region)})`).join(' and ');
}

/**
 * A scenario is checked as `yibao run` would check it before simulating: its fields, the policy and dated
 * policy changes it names, each projection year's policy (reforms, indexation), and the files its
 * institution, payment and cash-flow sections name, and says which rule files it uses, each marked borrowed
 * when its jurisdiction does not cover the policy's region.
 */
const scenarioKind: DocumentKind = {
  name: 'scenario',
  matches: (data) => KIND_FIELDS.scenario.some((key) => isObjectWith(data, key)),
  check(doc) {
    const loaded = scenarioFromDocument(doc);
    const spec = runSpec(loaded);
    const setup = providerSetupOf(spec, loaded);
    const { scenario, policy } = loaded;
    const region = policy.policy.jurisdiction;
    const byYear = setup.supervision?.rules;
    const sanctions = byYear ? `; sanctions ${ruleFiles([...new Map(spec.years.map(byYear).map((r) => [r.id, r])).values()], region)}` : '';
    return (
      `valid scenario "${scenario.id}" (base year ${scenario.baseYear}, ${scenario.horizon} years, ${scenario.paths} paths × ` +
      `${scenario.sample.members} members; policy "${policy.policy.id}", region ${region}; agreements ${ruleFiles([setup.rules], region)}${sanctions})`
    );
  },
};

/** The files a scenario's sections name, read as a run reads them; a problem gets its line in the scenario. */
function providerSetupOf(spec: RunSpec, loaded: LoadedScenario): ProviderSetup {
  try {
    return providerSetup(spec);
  } catch (err) {
    throw withDocumentLines(err, loaded);
  }
}

/** A sanction rule file (data/supervision/): its tiers, choices and statute base (`articles` is its own field). */
const penaltyRulesKind: DocumentKind = {
  name: 'penalty rules',
  matches: (data) => isObjectWith(data, 'articles'),
  check(doc) {
    const rules = penaltyRulesFromDocument(doc);
    const base = rules.baseRules ? `, base ${rules.baseRules.id}` : '';
    return `valid penalty rule file "${rules.id}" (${rules.jurisdiction}, ${rules.version}; ${rules.articles.length} articles${base})`;
  },
};

/** An agreement rule file (data/institutions/): entry, suspension, termination, re-entry and terms, its own or its base's. */
const agreementRulesKind: DocumentKind = {
  name: 'agreement rules',
  matches: (data) => ['entry', 'suspension', 'termination', 'reentry', 'terms'].some((key) => isObjectWith(data, key)),
  check(doc) {
    const rules = agreementRulesFromDocument(doc);
    return `valid agreement rule file "${rules.id}" (${rules.jurisdiction}${rules.base ? `, base ${rules.base}` : ''})`;
  },
};

/** Cash-flow assumptions (a scenario's `cashflow:` file, e.g. data/institutions/channels-seed002.yaml). */
const cashflowKind: DocumentKind = {
  name: 'cash-flow assumptions',
  matches: (data) => ['causes', 'reimbursement', 'clearing'].some((key) => isObjectWith(data, key)),
  check(doc) {
    validateDocument(doc, cashflowAssumptions);
    return 'valid cash-flow assumptions (card or self-advance causes, reimbursement delays, clearing)';
  },
};

const policyKind: DocumentKind = {
  name: 'policy',
  matches: () => true,
  check(doc) {
    const { policy } = policyFromDocument(doc);
    return `valid policy "${policy.id}" (${policy.jurisdiction}, from ${policy.effective.from})`;
  },
};

/**
 * Document kinds, tried in order; the first that matches checks the document. Policy comes last and
 * takes anything else, so a malformed document is reported against the policy schema. To validate a
 * new kind, add an entry before `policyKind` that recognises it by a distinctive field.
 */
export const DOCUMENT_KINDS: DocumentKind[] = [reformKind, scenarioKind, penaltyRulesKind, agreementRulesKind, cashflowKind, policyKind];

export function kindOf(data: unknown): DocumentKind {
  return DOCUMENT_KINDS.find((k) => k.matches(data))!;
}

export function register(program: Command): void {
  program
    .command('validate')
    .description('check scenario, policy, reform or rule files and report every problem (exit code 2 if there is any)')
    .argument(
      '<files...>',
      'scenario, policy, reform or rule files (YAML or JSON); a reform is a document with "changes", a scenario one with "policy", "policyChanges", "baseYear", "horizon", "paths" or "sample", ' +
        'a penalty rule file one with "articles", an agreement rule file one with "entry", "suspension", "termination", "reentry" or "terms", ' +
        'a cash-flow assumptions file one with "causes", "reimbursement" or "clearing"',
    )
    .option('--policy <file>', 'baseline policy that reforms are applied to (default: the built-in default policy)')
    .action((files: string[], options: { policy?: string }) => {
      const problems = new Map<string, Problem>();
      for (const file of files) {
        try {
          const doc = readDocument(file);
          const baseline = options.policy ? { policy: options.policy, policyLabel: options.policy } : { policy: defaultPolicyFile(), policyLabel: 'the default policy' };
          const summary = kindOf(doc.data).check(doc, baseline);
          process.stdout.write(`${file}: ${summary}\n`);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          // A bad baseline would otherwise be reported once per reform.
          for (const p of err.problems) problems.set(formatProblem(p), p);
        }
      }
      if (problems.size > 0) throw new InputError([...problems.values()]);
    });
}
