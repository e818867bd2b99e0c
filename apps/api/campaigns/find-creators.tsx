import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, Button, H2, Label, Link, Loader, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { FIND_CREATORS_PAGE, type FindCreatorsData } from './find-creators-page.component';

/**
 * "Find creators" (a page of the panel): a campaign's creator ranking with each factor's
 * contribution, the excluded creators with why, and booking the chosen ones (which starts their
 * workflows). Data from find-creators.panel.ts; the campaign is kept in the address.
 */

const api = new ApiClient();
const selectStyle: React.CSSProperties = { padding: '8px', border: '1px solid #C0C0CA', borderRadius: '2px', background: 'white', fontSize: '14px', height: '40px', minWidth: '280px' };
const bar: React.CSSProperties = { display: 'inline-block', height: '8px', background: '#4268F6', verticalAlign: 'middle', marginRight: '6px' };

const LABELS: Record<string, string> = {
  nicheFit: 'Niche',
  audienceFit: 'Audience',
  nmvPerPost: 'NMV/post',
  engagementRate: 'Engagement',
  conversionRate: 'Conversion',
  reliability: 'Reliability',
  priceFit: 'Price',
  repeatCollaboration: 'Repeat',
  audienceOverlap: 'Overlap',
};

const campaignInAddress = (): string => new URLSearchParams(window.location.search).get('campaign') || '';

const FindCreators: React.FC = () => {
  const [data, setData] = useState<FindCreatorsData | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const load = (campaign: string) => {
    setData(null);
    setChosen([]);
    api
      .getPage<FindCreatorsData>({ pageName: FIND_CREATORS_PAGE, params: campaign ? { campaign } : {} })
      .then((response) => setData(response.data))
      .catch((error: { response?: { data?: { error?: string } } }) => setFailure(error.response?.data?.error ?? 'The ranking could not be loaded; reload the page.'));
  };

  useEffect(() => load(campaignInAddress()), []);

  const pick = (campaign: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set('campaign', campaign);
    window.history.replaceState(null, '', url.toString());
    setFailure(null);
    load(campaign);
  };

  const toggle = (id: string) => setChosen((now) => (now.includes(id) ? now.filter((c) => c !== id) : [...now, id]));

  const book = () => {
    if (!data?.campaignId || chosen.length === 0 || busy) return;
    setBusy(true);
    setFailure(null);
    api
      .getPage<FindCreatorsData>({ pageName: FIND_CREATORS_PAGE, method: 'post', data: { campaign: data.campaignId, creators: chosen.join(',') } })
      .then((response) => {
        setData(response.data);
        setChosen([]);
      })
      .catch((error: { response?: { data?: FindCreatorsData } }) => {
        const answer = error.response?.data;
        if (answer?.campaigns) setData(answer);
        setFailure(answer?.error ?? (answer?.refused?.length ? 'No creator was booked.' : 'The booking failed; try again.'));
      })
      .finally(() => setBusy(false));
  };

  if (!data) return <Box variant="grey" p="xl">{failure ? <MessageBox message={failure} variant="danger" /> : <Loader />}</Box>;
  const ranking = data.ranking;
  return (
    <Box variant="grey" p="xl" data-testid="find-creators-page">
      <H2>Find creators</H2>
      <Text mb="lg" color="grey80">
        Creators within your reach ranked for the campaign's brief. The score (0–100) is the sum of each factor's contribution (value × weight × 100); hover a cell for the explanation. Creators who fail a hard filter are listed below with the reason.
      </Text>
      <Box variant="white" p="lg" mb="xl" flex flexDirection="row" style={{ gap: '16px', alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <Box>
          <Label htmlFor="find-campaign">Campaign</Label>
          <select id="find-campaign" style={selectStyle} value={data.campaignId ?? ''} onChange={(e) => pick(e.target.value)} data-testid="find-campaign">
            {data.campaigns.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </Box>
        <Button type="button" variant="contained" disabled={busy || chosen.length === 0} onClick={book} data-testid="find-book">
          {busy ? 'Booking…' : `Book ${chosen.length || ''} chosen`.replace('  ', ' ')}
        </Button>
      </Box>
      {failure ? <MessageBox message={failure} variant="danger" mb="lg" data-testid="find-error" /> : null}
      {data.booked?.length ? (
        <Box variant="white" p="lg" mb="lg" data-testid="find-booked">
          <Text fontWeight="bold">Booked; their workflows have started:</Text>
          {data.booked.map((b) => (
            <Text key={b.collaborationId}>
              <Link href={b.link} data-testid="find-booked-link">{b.name}</Link>
            </Text>
          ))}
        </Box>
      ) : null}
      {data.refused?.length ? (
        <MessageBox variant="danger" mb="lg" message={data.refused.map((r) => `${r.name}: ${r.reason}`).join(' ')} data-testid="find-refused" />
      ) : null}
      {!ranking ? (
        <Text data-testid="find-empty">No running campaign within your reach.</Text>
      ) : (
        <>
          <Box style={{ overflowX: 'auto' }}>
            <Table data-testid="find-ranking">
              <TableHead>
                <TableRow>
                  <TableCell>Book</TableCell>
                  <TableCell>Creator</TableCell>
                  <TableCell>Score</TableCell>
                  {(ranking.items[0]?.factors ?? []).map((f) => (
                    <TableCell key={f.name}>{(LABELS[f.name] ?? f.name) + ' (' + Math.round(f.weight * 100) + ')'}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {ranking.items.map((item) => (
                  <TableRow key={item.creatorId} data-testid="find-row" data-creator={item.creatorId}>
                    <TableCell>
                      <input type="checkbox" checked={chosen.includes(item.creatorId)} onChange={() => toggle(item.creatorId)} data-testid="find-choose" aria-label={'Choose ' + item.name} />
                    </TableCell>
                    <TableCell data-testid="find-name">{item.name}</TableCell>
                    <TableCell data-testid="find-score">{item.score.toFixed(1)}</TableCell>
                    {item.factors.map((f) => (
                      <TableCell key={f.name} title={f.explanation} data-testid={'find-factor-' + f.name}>
                        <span style={{ ...bar, width: Math.round(f.contribution * 2) + 'px' }} />
                        {f.contribution.toFixed(1)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          {ranking.excluded.length ? (
            <Box mt="xl" data-testid="find-excluded">
              <Text fontWeight="bold" mb="sm">Excluded</Text>
              {ranking.excluded.map((e) => (
                <Text key={e.creatorId} data-testid="find-excluded-row">{e.name + ': ' + e.reasons.join('; ')}</Text>
              ))}
            </Box>
          ) : null}
        </>
      )}
    </Box>
  );
};

export default FindCreators;
