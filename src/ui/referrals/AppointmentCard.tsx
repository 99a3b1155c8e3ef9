import type { Appointment } from '../../domain/referral.ts';
import type { Structure } from '../../domain/structure.ts';
import { weekdayDateYear } from '../text/fr-format.ts';
import { telHref } from './referral-view.ts';
import { frReferral } from './strings-referral.ts';

const RDV = frReferral.appointment;

/** Prints the appointment slip alone (the rest of the page is hidden while the print dialog is open). */
function printSlip() {
  const root = document.documentElement;
  root.classList.add('print-appointment');
  const done = () => root.classList.remove('print-appointment');
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}

/**
 * The appointment the partner gave with its acceptance: on screen for the worker (and the partner), and as a slip
 * printed for the person — the partner's name and address, the day and time, whom to ask for, the phone to warn.
 */
export function AppointmentCard({
  appointment,
  partner,
  structure,
}: {
  appointment: Appointment;
  partner: string;
  structure: Structure | undefined;
}) {
  const address = structure ? `${structure.adresse}, ${structure.code_postal} ${structure.commune}` : undefined;
  const where = appointment.lieu ? RDV.where(appointment.lieu) : address ? RDV.atPartner(address) : null;
  const lines = (
    <>
      <p class="appointment-when">{RDV.when(weekdayDateYear(appointment.date), appointment.heure)}</p>
      {where && <p>{where}</p>}
      {appointment.interlocuteur && <p>{RDV.askFor(appointment.interlocuteur)}</p>}
    </>
  );
  return (
    <section class="appointment card" aria-labelledby="appointment-title" data-testid="referral-appointment">
      <h2 id="appointment-title">{RDV.title}</h2>
      {lines}
      <p class="no-print">
        <button type="button" class="button" onClick={printSlip}>
          {RDV.print}
        </button>
      </p>
      <div class="appointment-slip" aria-hidden="true">
        <h1>{RDV.slipTitle(partner)}</h1>
        {lines}
        <p>{RDV.slipBring}</p>
        {structure?.telephone && (
          <p>
            {RDV.slipContact} <a href={telHref(structure.telephone)}>{structure.telephone}</a>
          </p>
        )}
      </div>
    </section>
  );
}
