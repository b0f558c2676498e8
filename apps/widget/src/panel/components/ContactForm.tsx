import { useRef, useState } from 'preact/hooks';
import { firstError, validateContact, type ContactErrors, type ContactFields, type ContactValues } from '../contact-form-rules.ts';
import { useStrings } from '../i18n/use-strings.ts';

export interface ContactFormProps {
  /** Which form: the pre-chat questions or the leave-a-message form (ids and wording differ). */
  kind: 'prechat' | 'offline';
  fields: ContactFields;
  departments: Array<{ id: string; name: string }>;
  onSubmit(values: ContactValues): void;
}

const EMPTY: ContactValues = { name: '', email: '', topic: '', message: '' };

/**
 * The one form for "tell us who you are" before a chat and "leave a message" while nobody is online.
 * Our own validation (noValidate) so errors read the same in every browser and language: each error
 * is tied to its field with aria-describedby and aria-invalid, and focus moves to the first one.
 * A chunk of its own (App.tsx): visitors who chat while agents are online never fetch it.
 */
export function ContactForm({ kind, fields, departments, onSubmit }: ContactFormProps) {
  const { t } = useStrings();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<ContactErrors>({});
  const form = useRef<HTMLFormElement>(null);
  const id = (field: keyof ContactValues): string => `${kind}-${field}`;

  const set = (field: keyof ContactValues) => (e: { currentTarget: { value: string } }) => {
    setValues({ ...values, [field]: e.currentTarget.value });
    // An error goes away as soon as the field is fixed, not only on the next submit.
    if (errors[field]) setErrors({ ...errors, [field]: validateContact(fields, { ...values, [field]: e.currentTarget.value })[field] });
  };

  const label = (field: keyof ContactValues, text: string, rule: string) => (
    <label for={id(field)}>
      {text} {rule === 'optional' && <span class="optional">{t.optional}</span>}
    </label>
  );
  const a11y = (field: keyof ContactValues, rule: string) => ({
    id: id(field),
    required: rule === 'required',
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${id(field)}-error` : undefined,
  });
  const error = (field: keyof ContactValues) =>
    errors[field] && (
      <p id={`${id(field)}-error`} class="field-error">
        {t[errors[field]]}
      </p>
    );

  return (
    <form
      ref={form}
      class="contact"
      noValidate
      aria-labelledby={`${kind}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        const found = validateContact(fields, values);
        setErrors(found);
        const first = firstError(found);
        if (first) {
          // After the render that shows the messages, so the field is announced with its error.
          requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`#${id(first)}`)?.focus());
          return;
        }
        onSubmit(values);
      }}
    >
      <p id={`${kind}-title`} class="contact-title">
        {kind === 'offline' ? t.offlineIntro : t.prechatIntro}
      </p>
      {fields.name !== 'off' && (
        <>
          {label('name', t.name, fields.name)}
          <input {...a11y('name', fields.name)} dir="auto" autocomplete="name" maxLength={200} value={values.name} onInput={set('name')} />
          {error('name')}
        </>
      )}
      {fields.email !== 'off' && (
        <>
          {label('email', t.email, fields.email)}
          <input {...a11y('email', fields.email)} type="email" autocomplete="email" maxLength={254} value={values.email} onInput={set('email')} />
          {error('email')}
        </>
      )}
      {fields.topic !== 'off' && (
        <>
          {label('topic', t.topic, fields.topic)}
          <select {...a11y('topic', fields.topic)} value={values.topic} onChange={set('topic')}>
            <option value="">{t.anyTopic}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          {error('topic')}
        </>
      )}
      {label('message', t.message, 'required')}
      <textarea {...a11y('message', 'required')} dir="auto" rows={4} maxLength={4500} value={values.message} onInput={set('message')} />
      {error('message')}
      <button type="submit" class="contact-send">
        {kind === 'offline' ? t.sendMessage : t.startChat}
      </button>
    </form>
  );
}
