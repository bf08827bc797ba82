import { useState } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';
import { KEY_PAGES } from '../../model/key-pages.ts';
import { useStore } from '../../store/index.ts';
import { ModalDialog } from '../dialog/modal-dialog.tsx';
import { LocalServers } from './local-servers.tsx';
import './guide.css';

/** The sample receipt in assets/, which scripts/build.mjs copies beside the renderer. */
const sampleUrl = './sample-receipt.png';

/** The steps' names, as catalog keys. */
const STEPS = ['guide.step.read', 'guide.step.key', 'guide.step.servers'] as const;

/**
 * The first-run guide: three short steps, skippable, shown once (the host remembers) and reopened from Help.
 * Step 1 reads a sample receipt shipped with the app through Local OCR, so the first thing a person sees work
 * needs no key and no network.
 */
export function FirstRunGuide({ onOpenSettings }: { onOpenSettings: () => void }) {
  const close = useStore((s) => s.closeGuide);
  const readSample = useStore((s) => s.readSample);
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const tryIt = async () => {
    try {
      const blob = await (await fetch(sampleUrl)).blob();
      await close();
      await readSample(new File([blob], 'sample-receipt.png', { type: 'image/png' }));
    } catch (e) {
      setProblem(t('guide.sampleFailed', { reason: (e as Error).message }));
    }
  };
  return (
    <ModalDialog
      label={t('guide.title')}
      title={t('guide.title')}
      closeLabel={t('guide.skip')}
      onClose={() => void close()}
      className="guide"
    >
      <ol className="guide-steps" aria-label={t('guide.steps')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined}>
            {t(s)}
          </li>
        ))}
      </ol>
      {step === 0 && (
        <section aria-label={t(STEPS[0])}>
          <p>{t('guide.readLead')}</p>
          <img className="guide-sample" src={sampleUrl} alt={t('guide.sampleAlt')} />
          <button type="button" className="primary" onClick={() => void tryIt()}>
            {t('guide.readSample')}
          </button>
          {problem && <p className="error-text">{problem}</p>}
        </section>
      )}
      {step === 1 && (
        <section aria-label={t(STEPS[1])}>
          <p>{t('guide.keyLead')}</p>
          <ul className="key-pages">
            {KEY_PAGES.map((k) => (
              <li key={k.name}>
                <a href={k.url} target="_blank" rel="noreferrer noopener">
                  {t('guide.keyPage', { name: k.name })}
                </a>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => {
              void close();
              onOpenSettings();
            }}
          >
            {t('guide.openSettings')}
          </button>
        </section>
      )}
      {step === 2 && (
        <section aria-label={t(STEPS[2])}>
          <p>{t('guide.serversLead')}</p>
          <LocalServers />
        </section>
      )}
      <footer className="guide-nav">
        <button type="button" className="ghost" onClick={() => void close()}>
          {t('guide.nav.skip')}
        </button>
        {step > 0 && (
          <button type="button" onClick={() => setStep(step - 1)}>
            {t('guide.nav.back')}
          </button>
        )}
        {step < STEPS.length - 1 ? (
          <button type="button" className="primary" onClick={() => setStep(step + 1)}>
            {t('guide.nav.next')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void close()}>
            {t('guide.nav.done')}
          </button>
        )}
      </footer>
    </ModalDialog>
  );
}
