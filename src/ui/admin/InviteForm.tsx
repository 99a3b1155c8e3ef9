import { useState } from 'preact/hooks';
import type { InvitationRequest } from '../../domain/admin.ts';
import type { Structure } from '../../domain/structure.ts';
import { frAdmin as A } from './strings-admin.ts';

type Role = InvitationRequest['role'];

/** Invites an account; `preset` (« Inviter ce partenaire » on a sheet) picks a partner of that structure. */
export function InviteForm({
  structures,
  preset,
  onInvite,
}: {
  structures: ReadonlyMap<string, Structure> | undefined;
  preset: string | undefined;
  onInvite: (request: Omit<InvitationRequest, 'protocol'>) => Promise<void>;
}) {
  const [role, setRole] = useState<Role>(preset ? 'partenaire' : 'travailleur');
  const [nom, setNom] = useState('');
  const [structureId, setStructureId] = useState(preset ?? '');
  const [communes, setCommunes] = useState('');
  const [email, setEmail] = useState('');
  const sorted = [...(structures?.values() ?? [])].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));

  function submit(event: Event) {
    event.preventDefault();
    const codes = communes
      .split(/[,\s]+/)
      .map((c) => c.trim())
      .filter(Boolean);
    void onInvite({
      role,
      nom: nom.trim(),
      ...(role !== 'coordinateur' && structureId ? { structure_id: structureId } : {}),
      ...(role === 'coordinateur' && codes.length > 0 ? { communes: codes } : {}),
      ...(email.trim() ? { email: email.trim() } : {}),
    });
  }

  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{A.inviteTitle}</h2>
      <form class="admin-invite" onSubmit={submit}>
        <label for="invite-role">{A.role}</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {(Object.keys(A.roles) as Role[]).map((r) => (
            <option key={r} value={r}>
              {A.roles[r]}
            </option>
          ))}
        </select>
        <label for="invite-nom">{A.nom}</label>
        <input id="invite-nom" required maxLength={120} value={nom} onInput={(e) => setNom(e.currentTarget.value)} />
        {role !== 'coordinateur' ? (
          <>
            <label for="invite-structure">{A.structureLabel}</label>
            <select
              id="invite-structure"
              value={structureId}
              required={role === 'partenaire'}
              onChange={(e) => setStructureId(e.currentTarget.value)}
            >
              <option value="">{A.structurePlaceholder}</option>
              {sorted.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.nom} ({s.commune})
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <label for="invite-communes">{A.communes}</label>
            <input id="invite-communes" value={communes} onInput={(e) => setCommunes(e.currentTarget.value)} />
          </>
        )}
        <label for="invite-email">{A.email}</label>
        <input
          id="invite-email"
          type="email"
          autocomplete="off"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <button type="submit" class="button button-primary">
          {A.inviteButton}
        </button>
      </form>
    </section>
  );
}
