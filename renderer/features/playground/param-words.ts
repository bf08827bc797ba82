/**
 * The parameters' words in the window's language. shared/params keeps its refusals, ranges and chips as data (and
 * English for the CLI and the host); this turns that data into catalog text, with numbers through the figures.
 */
import { useMemo } from 'react';
import { DIALECT_NAMES, type ParamRule, type ProviderDefault, type Unsupported } from '../../../shared/params/catalog.ts';
import type { TypedProblem } from '../../../shared/params/check.ts';
import type { Chip } from '../../../shared/params/chips.ts';
import type { ParamKey } from '../../../shared/params/types.ts';
import type { Figures } from '../../../shared/format/figures.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';

type T = ReturnType<typeof useTranslation>['t'];

export function useParamWords() {
  const { t } = useTranslation();
  const f = useFigures();
  return useMemo(() => paramWords(t, f), [t, f]);
}

/** The words for one translator and one locale's figures (a function of its inputs, so tests can pick a language). */
export function paramWords(t: T, f: Pick<Figures, 'decimal' | 'tokens'>) {
  const label = (k: ParamKey) => t(`playground.param.${k}`);
  const range = (rule: ParamRule) => {
    const lo = rule.min;
    const hi = rule.max;
    const r =
      lo !== undefined && hi !== undefined
        ? t(rule.minExclusive ? 'playground.range.aboveUpTo' : 'playground.range.between', { lo, hi })
        : lo !== undefined
          ? t(rule.minExclusive ? 'playground.range.above' : 'playground.range.atLeast', { lo })
          : hi !== undefined
            ? t('playground.range.atMost', { hi })
            : null;
    if (!rule.integer) return r ?? t('playground.range.any');
    return r === null ? t('playground.range.wholeAny') : t('playground.range.whole', { range: r });
  };
  /** A chip's token count: "2k" for whole hundreds from a thousand up (what fits a chip), else the full figure. */
  const count = (n: number) =>
    n >= 1000 && n % 100 === 0
      ? t('playground.chip.thousands', { value: f.decimal(n / 1000, n % 1000 === 0 ? 0 : 1) })
      : f.tokens(n);
  return {
    label,
    range,
    /** A provider's default: a figure as its reference writes it, else the catalog's words for the code. */
    providerDefault: (d: ProviderDefault) => {
      if (/^-?[\d.]+$/.test(d)) return d;
      const [word, value] = d.split(':');
      if (value === undefined) return t(`playground.default.${word}`);
      return t(`playground.default.${word === 'off' ? 'off-at' : word}`, { value });
    },
    typed: (k: ParamKey, problem: TypedProblem, value: string, rule: ParamRule) =>
      t(`playground.typed.${problem}`, { name: label(k), range: range(rule), value }),
    unsupported: (why: Unsupported) =>
      why.code === 'dialect'
        ? t('playground.unsupported.dialect', {
            // Local OCR is named in the window's language; the others are brands.
            dialect: why.dialect === 'local-ocr' ? t('names.localOcr') : DIALECT_NAMES[why.dialect],
            key: why.key,
          })
        : t('playground.unsupported.openrouterModel', { model: why.model, name: why.name }),
    chip: (c: Chip) => {
      if ('value' in c) return t(`playground.chip.${c.kind}`, { value: c.value });
      if ('effort' in c)
        return t('playground.chip.reasoning_effort', {
          value: t(`playground.panel.effort${c.effort[0]!.toUpperCase()}${c.effort.slice(1)}`),
        });
      if ('count' in c)
        return t(`playground.chip.${c.kind}`, {
          value: c.kind === 'stop' || c.kind === 'extra' ? f.tokens(c.count) : count(c.count),
        });
      return t(`playground.chip.${c.kind}`);
    },
  };
}
