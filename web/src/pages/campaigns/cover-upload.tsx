/**
 * The campaign's cover image: the current one, and a file picker that uploads a new one at once (JPEG, PNG or WebP
 * up to 1 MB, said beside it; the server checks the bytes). The upload carries the version the page holds, so a
 * cover never lands on a campaign someone else changed meanwhile; the page then reads the campaign afresh.
 */
import { useState } from 'preact/hooks';
import { campaignCoverUrl } from '../../../../shared/domain/campaign/campaign-links';
import { uploadCampaignCover } from '../../campaign-media-api';
import type { StaffCampaign } from '../../campaign-types';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n';
import { RequestError } from '../../api';

export function CoverUpload({ campaign, onUploaded }: { campaign: StaffCampaign; onUploaded: () => Promise<void> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const url = campaignCoverUrl(campaign);

  async function upload(file: File | undefined): Promise<void> {
    if (!file || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await uploadCampaignCover(campaign.id, file, campaign.version);
      await onUploaded();
    } catch (caught) {
      setError(caught instanceof RequestError ? Object.values(caught.fields ?? {})[0] ?? caught.message : t('net.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="cover-upload" aria-labelledby="cover-heading">
      <h2 id="cover-heading">{t('camp.cover.heading')}</h2>
      {url ? <img class="cover-preview" src={url} alt={t('camp.cover.current')} /> : <p class="hint">{t('camp.cover.none')}</p>}
      <label for="cf-cover">{url ? t('camp.cover.replace') : t('camp.cover.choose')}</label>
      <input id="cf-cover" type="file" accept="image/jpeg,image/png,image/webp" disabled={busy} aria-describedby="cf-cover-hint" onChange={(e) => void upload(e.currentTarget.files?.[0])} />
      <p class="hint" id="cf-cover-hint">
        {busy ? t('camp.cover.uploading') : t('camp.cover.limits')}
      </p>
      <ErrorAlert message={error} />
    </section>
  );
}
