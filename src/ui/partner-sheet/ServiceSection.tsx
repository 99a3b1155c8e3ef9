import type { ComponentChildren } from 'preact';
import { effectiveHours, inheritsHours } from '../../domain/effective-hours.ts';
import { priceLines } from '../../domain/price-words.ts';
import type { Service } from '../../domain/service.ts';
import { FOOD_CATEGORIES, LANGUES, REGIMES, SATURATION } from '../../domain/vocabulary.ts';
import { MODES_ACCUEIL } from '../../domain/vocabulary-data-inclusion.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { Badge } from '../components/Badge.tsx';
import { ContactLinks } from '../components/ContactLinks.tsx';
import { FoodOffer } from '../components/FoodOffer.tsx';
import { frDirectoryScreen } from '../directory/strings-directory-screen.ts';
import { fr } from '../strings.ts';
import { freshnessOf } from '../text/freshness.ts';
import { serviceHours } from '../text/hours-status.ts';
import { documentWords, eligibilityWords, referralWords } from '../text/service-words.ts';
import { frFood } from '../text/strings-food.ts';
import { Freshness } from './Freshness.tsx';
import { HoursBlock } from './HoursBlock.tsx';
import { StopsTimetable } from './StopsTimetable.tsx';
import { frSheet } from './strings-sheet.ts';
import { frStructure } from './strings-structure.ts';

interface Props {
  service: Service;
  /** The partner, whose reception hours a service without its own shares. */
  structure: { horaires_accueil?: string | undefined };
  engine: HoursEngine | null;
  now: number;
  pending: boolean;
  /** Professionals' notes and criteria, when the reader is a professional. */
  annotations?: ComponentChildren;
}

const S = frSheet;
const list = new Intl.ListFormat('fr-FR', { type: 'conjunction' });

/** One service of the partner: when, for whom, at what price, what to bring, how to refer. */
export function ServiceSection({ service, structure, engine, now, pending, annotations }: Props) {
  const titleId = `service-${service.id}-title`;
  const referral = referralWords(service.fiche_liaison);
  const documents = documentWords(service.eligibilite);
  const fiche = service.fiche_liaison;
  const edit = `/partenaires/${encodeURIComponent(service.structure_id)}/services/${encodeURIComponent(service.id)}/modifier`;
  return (
    <section id={`service-${service.id}`} class="service-section card" aria-labelledby={titleId}>
      <h3 id={titleId}>{service.nom}</h3>
      {service.categorie && <p class="tags-line">{FOOD_CATEGORIES[service.categorie].label}</p>}
      {pending && (
        <Badge as="p" tone="waiting" testId="pending-edit-service">
          {frStructure.pendingEdit}
        </Badge>
      )}
      {service.visibilite === 'professionnels' && (
        <Badge as="p" tone="restricted">
          {frDirectoryScreen.professionalsOnly}
        </Badge>
      )}
      <p>{service.description}</p>
      {service.arrets && service.arrets.length > 0 && (
        <StopsTimetable
          stops={service.arrets}
          infos={service.infos_temporaires}
          engine={engine}
          now={now}
          idPrefix={`stops-${service.id}`}
        />
      )}

      <h4>{inheritsHours(service) ? S.receptionHours : S.ownHours}</h4>
      {inheritsHours(service) && structure.horaires_accueil && (
        <p class="muted" data-testid={`service-hours-source-${service.id}`}>
          {S.sameHours}
        </p>
      )}
      <HoursBlock
        engine={engine}
        hours={serviceHours(effectiveHours(service, structure), service.infos_temporaires)}
        now={now}
        week={!inheritsHours(service)}
        level={4}
        testId={`service-hours-${service.id}`}
      />
      {service.horaires_note && <p>{service.horaires_note}</p>}

      {service.lieu && (
        <>
          <h4>{S.place}</h4>
          <p>
            {service.lieu.adresse}
            {service.lieu.complement_adresse ? `, ${service.lieu.complement_adresse}` : ''}, {service.lieu.code_postal}{' '}
            {service.lieu.commune}
          </p>
        </>
      )}

      <dl class="facts">
        {service.offre_alimentaire && (
          <div>
            <dt>{frFood.heading}</dt>
            <dd>
              <FoodOffer
                produits={service.offre_alimentaire.produits}
                choix={service.offre_alimentaire.choix}
                modes={service.offre_alimentaire.modes}
                full
              />
            </dd>
          </div>
        )}
        <div>
          <dt>{S.price}</dt>
          {priceLines(service.tarif).map((line) => (
            <dd key={line}>{line}</dd>
          ))}
        </div>
        <div>
          <dt>{S.access}</dt>
          {eligibilityWords(service.eligibilite).map((line) => (
            <dd key={line}>{line}</dd>
          ))}
          <dd>{S.modes(list.format(service.modes_accueil.map((m) => MODES_ACCUEIL[m] ?? m)))}</dd>
          {service.langues && service.langues.length > 0 && (
            <dd>{S.languages(list.format(service.langues.map((l) => LANGUES[l])))}</dd>
          )}
          {service.regimes.length > 0 && <dd>{S.diets(list.format(service.regimes.map((r) => REGIMES[r])))}</dd>}
        </div>
        <div>
          <dt>{S.documents}</dt>
          {documents.length === 0 ? <dd>{S.noDocuments}</dd> : documents.map((d) => <dd key={d}>{d}</dd>)}
        </div>
        <div>
          <dt>{S.referralTitle}</dt>
          <dd>
            <strong>{referral.required}</strong>
          </dd>
          <dd>{referral.channels}</dd>
          {fiche.contact_nom && <dd>{S.referralContact(fiche.contact_nom)}</dd>}
          {(fiche.telephone || fiche.courriel) && (
            <dd>
              <ContactLinks telephone={fiche.telephone} courriel={fiche.courriel} />
            </dd>
          )}
          {fiche.modele_url && (
            <dd>
              <a href={fiche.modele_url} rel="noopener">
                {S.form}
              </a>
            </dd>
          )}
          {referral.fields.length > 0 ? (
            <dd>
              {S.formFields}
              <ul>
                {referral.fields.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </dd>
          ) : (
            fiche.requise && <dd>{S.defaultForm}</dd>
          )}
        </div>
        {service.capacite && (
          <div>
            <dt>{S.capacity}</dt>
            <dd>{SATURATION[service.capacite.etat]}</dd>
            {service.capacite.note && <dd>{service.capacite.note}</dd>}
          </div>
        )}
        {(service.telephone || service.courriel) && (
          <div>
            <dt>{S.serviceContact}</dt>
            {service.contact_nom && <dd>{service.contact_nom}</dd>}
            <dd>
              <ContactLinks telephone={service.telephone} courriel={service.courriel} />
            </dd>
          </div>
        )}
      </dl>
      {annotations}
      <Freshness freshness={freshnessOf(service, service.frequence_maj_mois, now)} />
      <div class="actions">
        <a class="button primary" href={`/orientations/nouvelle/${encodeURIComponent(service.id)}`}>
          {fr.referral.orientNamed(service.nom)}
        </a>
        <a class="button" href={edit}>
          {S.editService(service.nom)}
        </a>
      </div>
    </section>
  );
}
