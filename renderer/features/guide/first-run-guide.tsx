import { useState } from 'react';
import { useStore } from '../../store/index.ts';
import { ModalDialog } from '../dialog/modal-dialog.tsx';
import { LocalServers } from './local-servers.tsx';
import './guide.css';

/** The sample receipt in assets/, which scripts/build.mjs copies beside the renderer. */
const sampleUrl = './sample-receipt.png';

/** Where each hosted provider hands out API keys. */
const KEY_PAGES: readonly { name: string; url: string }[] = [
  { name: 'Z.AI', url: 'https://z.ai/manage-apikey/apikey-list' },
  { name: 'BigModel', url: 'https://open.bigmodel.cn/usercenter/apikeys' },
  { name: 'OpenRouter', url: 'https://openrouter.ai/settings/keys' },
  { name: 'Novita', url: 'https://novita.ai/settings/key-management' },
];

const STEPS = ['Read a scan now', 'Add a key', 'Local model servers'] as const;

/**
 * The first-run guide: three short steps, skippable, shown once (the host remembers) and reopened from Help.
 * Step 1 reads a sample receipt shipped with the app through Local OCR, so the first thing a person sees work
 * needs no key and no network.
 */
export function FirstRunGuide({ onOpenSettings }: { onOpenSettings: () => void }) {
  const close = useStore((s) => s.closeGuide);
  const readSample = useStore((s) => s.readSample);
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const tryIt = async () => {
    try {
      const blob = await (await fetch(sampleUrl)).blob();
      await close();
      await readSample(new File([blob], 'sample-receipt.png', { type: 'image/png' }));
    } catch (e) {
      setProblem(`The sample could not be read: ${(e as Error).message}`);
    }
  };
  return (
    <ModalDialog
      label="Welcome to Glimpse"
      title="Welcome to Glimpse"
      closeLabel="Skip the guide"
      onClose={() => void close()}
      className="guide"
    >
      <ol className="guide-steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined}>
            {s}
          </li>
        ))}
      </ol>
      {step === 0 && (
        <section aria-label={STEPS[0]}>
          <p>
            Glimpse reads the text of images and PDFs on this computer, with no key and no network (Local OCR). Try it on a sample
            receipt: its text appears with each line boxed on the image.
          </p>
          <img className="guide-sample" src={sampleUrl} alt="A sample till receipt" />
          <button type="button" className="primary" onClick={() => void tryIt()}>
            Read the sample receipt
          </button>
          {problem && <p className="error-text">{problem}</p>}
        </section>
      )}
      {step === 1 && (
        <section aria-label={STEPS[1]}>
          <p>
            To ask questions about images (what a chart shows, a receipt as JSON, where an object is), add an API key of a
            provider that runs GLM-4.5V. Get one from its key page, paste it in Settings and press Test connection.
          </p>
          <ul className="key-pages">
            {KEY_PAGES.map((k) => (
              <li key={k.name}>
                <a href={k.url} target="_blank" rel="noreferrer noopener">
                  {k.name} key page
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
            Open Settings to paste a key
          </button>
        </section>
      )}
      {step === 2 && (
        <section aria-label={STEPS[2]}>
          <p>A model server already running on this computer can answer too, with no key. These answered:</p>
          <LocalServers />
        </section>
      )}
      <footer className="guide-nav">
        <button type="button" className="ghost" onClick={() => void close()}>
          Skip
        </button>
        {step > 0 && (
          <button type="button" onClick={() => setStep(step - 1)}>
            Back
          </button>
        )}
        {step < STEPS.length - 1 ? (
          <button type="button" className="primary" onClick={() => setStep(step + 1)}>
            Next
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void close()}>
            Done
          </button>
        )}
      </footer>
    </ModalDialog>
  );
}
