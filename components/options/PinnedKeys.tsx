import { PINNED_KEYS, type PinnedKeySpec } from '../../lib/pith/pinned-keys';
import { options as O } from '../../lib/strings';
import { Field } from '../common/Field';

/** The pinned signing keys with their fingerprints, read-only. */
export function PinnedKeys({ keys = PINNED_KEYS }: { keys?: readonly PinnedKeySpec[] }) {
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{O.keysHeading}</h2>
      <p class="note">{O.keysNote}</p>
      {keys.map((k) => (
        <dl key={k.key_id} class="key" data-key={k.key_id}>
          <Field label={O.keyId}>
            <code>{k.key_id}</code>
          </Field>
          <Field label={O.algorithm}>{k.algorithm}</Field>
          {k.fingerprint_sha256_hex && (
            <Field label={O.fingerprintHex}>
              <code class="hex">{k.fingerprint_sha256_hex}</code>
            </Field>
          )}
          {k.fingerprint_sha256_b32_first128bits && (
            <Field label={O.fingerprintB32}>
              <code class="hex">{k.fingerprint_sha256_b32_first128bits}</code>
            </Field>
          )}
          <Field label={O.publicKey}>
            <code class="hex">{k.public_key_hex}</code>
          </Field>
        </dl>
      ))}
    </section>
  );
}
