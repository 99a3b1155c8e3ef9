import { useState } from 'preact/hooks';
import { mailtoLink, smsLink } from '../text/share-links.ts';
import { frHandout as T } from './strings-handout.ts';

interface Props {
  /** The sheet as a short text, in the person's language. */
  text: string;
  subject: string;
  /** The sheet leaves by SMS or e-mail: the orientation has ended (its anonymous event). */
  onSent?: () => void;
}

/**
 * Sending the sheet where the device has no share sheet (Web Share API): by SMS or e-mail through the device's own
 * apps. The person's number or address lives in this component's state while it is typed, goes into the link, and
 * is gone when the screen closes: never in IndexedDB, the profile, the URL of the page or a log.
 */
export function HandoutSend({ text, subject, onSent }: Props) {
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  return (
    <fieldset class="group handout-send">
      <legend>{T.sendLegend}</legend>
      <p class="hint">{T.sendHint}</p>
      <div class="handout-send-row">
        <div class="field">
          <label for="handout-sms">{T.smsNumber}</label>
          <input
            id="handout-sms"
            type="tel"
            inputMode="tel"
            autocomplete="off"
            value={phone}
            onInput={(e) => setPhone(e.currentTarget.value)}
          />
        </div>
        <a class="button" href={smsLink(phone, text)} onClick={onSent}>
          {T.sendSms}
        </a>
      </div>
      <div class="handout-send-row">
        <div class="field">
          <label for="handout-email">{T.emailAddress}</label>
          <input
            id="handout-email"
            type="email"
            autocomplete="off"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <a class="button" href={mailtoLink(email, subject, text)} onClick={onSent}>
          {T.sendEmail}
        </a>
      </div>
    </fieldset>
  );
}
