// Training runs on the models page (data scientists): start a run on the municipality's own
// history, follow its stage, progress and log while it runs, and open the candidate it registers.
import { api, escape, fmt, say } from './api.js';
import { session } from './sessie.js';

const $ = id => document.getElementById(id);

const STATUS = { QUEUED: 'in de wachtrij', RUNNING: 'bezig', SUCCEEDED: 'klaar', FAILED: 'mislukt' };
const SOURCES = { HISTORY: 'eigen geschiedenis', CSV: 'CSV-bestand' };
const POLL_MS = 2000;

function runRows(runs) {
  return runs.map(r => `<tr data-run="${r.id}">
      <td>${fmt.dateTime(r.requestedAt)}<br><span class="klein">${escape(r.requestedBy)}</span></td>
      <td>${SOURCES[r.source] ?? r.source}${r.municipalityCode ? ` ${escape(r.municipalityCode)}` : ''}</td>
      <td class="status">${STATUS[r.status] ?? r.status}</td>
      <td>${escape(r.stage ?? '')} <progress max="1" value="${r.progress ?? 0}">${fmt.percent(r.progress ?? 0)}</progress></td>
      <td>${r.modelVersion ? `versie ${r.modelVersion}` : escape(r.failure ?? '')}</td></tr>`).join('');
}

/** Follows one run until it ends, showing its stage, progress and log; returns the finished run. */
async function follow(id) {
  for (;;) {
    const run = await api(`/training-runs/${id}`);
    $('run-stand').textContent = `${STATUS[run.status] ?? run.status}${run.stage ? `: ${run.stage}` : ''}`;
    $('run-voortgang').value = run.progress ?? 0;
    $('run-log').textContent = (run.log ?? []).map(l => `${l.at.slice(11, 19)}  ${l.line}`).join('\n');
    if (run.status === 'SUCCEEDED' || run.status === 'FAILED') return run;
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
}

/** Draws the training runs block for a data scientist; `opened(version)` is called with a new candidate. */
export async function renderTrainingRuns(opened) {
  const block = $('runs-blok');
  if (session()?.role !== 'data-scientist') return;
  block.hidden = false;
  const municipality = session().municipalities?.[0] ?? '';
  $('run-gemeente').value = municipality;
  const draw = async () => { $('runs').innerHTML = runRows(await api('/training-runs')); };
  $('run-formulier').addEventListener('submit', async event => {
    event.preventDefault();
    const body = { municipalityCode: $('run-gemeente').value.trim() };
    if ($('run-van').value) body.from = $('run-van').value;
    if ($('run-tot').value) body.to = $('run-tot').value;
    $('run-volgen').hidden = false;
    try {
      const started = await api('/training-runs', { method: 'POST', body });
      say($('run-melding'), 'De trainingsrun is gestart. Dit kan enkele minuten duren; u kunt deze pagina openlaten.', '');
      await draw();
      const run = await follow(started.id);
      await draw();
      if (run.status === 'SUCCEEDED') {
        say($('run-melding'), `Klaar: kandidaat versie ${run.modelVersion} staat in het register, met haar evaluatierapport.`, 'goed');
        await opened(run.modelVersion);
      } else {
        say($('run-melding'), `De trainingsrun is mislukt: ${run.failure ?? 'onbekende oorzaak'}`, 'fout');
      }
    } catch (error) {
      say($('run-melding'), error.message, 'fout');
    }
  });
  await draw();
}
