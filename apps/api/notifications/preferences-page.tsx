import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, Button, H2, Label, Loader, MessageBox, Text } from '@adminjs/design-system';
import { PREFERENCES_PAGE, type PreferencesPageData } from './preferences-page.component';

/**
 * "Notification preferences" (a page of the panel): the signed-in user's own choice of what is
 * e-mailed and how often, the same as PUT /me/notification-preferences. Data from preferences.panel.ts.
 */

const api = new ApiClient();
const selectStyle: React.CSSProperties = { padding: '8px', border: '1px solid #C0C0CA', borderRadius: '2px', background: 'white', fontSize: '14px', height: '40px', minWidth: '320px' };

const PreferencesPage: React.FC = () => {
  const [data, setData] = useState<PreferencesPageData | null>(null);
  const [email, setEmail] = useState<Record<string, boolean>>({});
  const [cadence, setCadence] = useState<string>('immediately');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const take = (answer: PreferencesPageData) => {
    setData(answer);
    if (answer.preferences) {
      setEmail({ ...answer.preferences.email });
      setCadence(answer.preferences.emailCadence);
    }
  };

  useEffect(() => {
    api
      .getPage<PreferencesPageData>({ pageName: PREFERENCES_PAGE })
      .then((response) => take(response.data))
      .catch(() => setFailure('Your preferences could not be loaded; reload the page.'));
  }, []);

  const save = () => {
    if (busy) return;
    setBusy(true);
    const fields: Record<string, string> = { emailCadence: cadence };
    for (const [category, on] of Object.entries(email)) fields[`email.${category}`] = on ? 'true' : 'false';
    api
      .getPage<PreferencesPageData>({ pageName: PREFERENCES_PAGE, method: 'post', data: fields })
      .then((response) => take(response.data))
      .catch((e: { response?: { data?: PreferencesPageData } }) => (e.response?.data?.categories ? take(e.response.data) : setFailure('Your preferences could not be saved; try again.')))
      .finally(() => setBusy(false));
  };

  if (!data) return <Box variant="grey" p="xl">{failure ? <MessageBox message={failure} variant="danger" /> : <Loader />}</Box>;
  return (
    <Box variant="grey" p="xl" data-testid="preferences-page">
      <H2>Notification preferences</H2>
      <Text mb="lg" color="grey80">
        Your inbox in CreatorOps always receives every notification. Choose which ones also reach you by e-mail, and whether one by one or as one daily digest. Team webhooks are set per team (Webhooks).
      </Text>
      {data.saved ? <MessageBox mb="lg" variant="success" message="Saved" data-testid="preferences-saved" /> : null}
      {data.error ? <MessageBox mb="lg" variant="danger" message={data.error} data-testid="preferences-error" /> : null}
      <Box variant="white" p="lg" mb="lg">
        <Text fontWeight="bold" mb="default">E-mail me about</Text>
        {data.categories.map((category) => (
          <Box key={category.value} mb="sm" flex flexDirection="row" style={{ alignItems: 'center' }}>
            <input
              id={`preference-${category.value}`}
              type="checkbox"
              data-testid={`preference-${category.value}`}
              checked={Boolean(email[category.value])}
              onChange={(event) => setEmail({ ...email, [category.value]: event.target.checked })}
            />
            <Label htmlFor={`preference-${category.value}`} ml="default" mb="0">
              {category.label}
            </Label>
          </Box>
        ))}
        <Box mt="lg">
          <Label htmlFor="preference-cadence">How often</Label>
          <select id="preference-cadence" data-testid="preference-cadence" style={selectStyle} value={cadence} onChange={(event) => setCadence(event.target.value)}>
            {data.cadences.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Box>
      </Box>
      <Button variant="contained" onClick={save} disabled={busy} data-testid="preferences-save">
        Save
      </Button>
    </Box>
  );
};

export default PreferencesPage;
