/** A study-tier suggestion's periodic progress note, public: the citizen sees it and is told. */
import { textActionForm } from './text-action-form';

export const ProgressNoteForm = textActionForm({ action: 'progressNote', field: 'text', label: 'act.progressNote.text', hint: 'act.progressNote.hint' });
