import React, { useState } from 'react';
import { Box, Button, FormGroup, H3, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, type ActionProps } from 'adminjs';
import type { ImportUploadAnswer } from './import-upload.component';

/**
 * Upload a creator-sales or post-performance file: "Preview" checks it and shows the first rows
 * as they would be stored and every bad row; "Import" stores it (all-or-nothing unless "good rows
 * only"). The same import as the REST API (docs/imports.md).
 */

const api = new ApiClient();
const selectStyle: React.CSSProperties = { width: '100%', padding: '8px', border: '1px solid #C0C0CA', borderRadius: '2px', background: 'white', fontSize: '14px', height: '40px' };

const ImportUpload: React.FC<ActionProps> = ({ resource, action }) => {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState('creator-sales');
  const [format, setFormat] = useState('canonical');
  const [brand, setBrand] = useState('');
  const [currency, setCurrency] = useState('');
  const [partial, setPartial] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ImportUploadAnswer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const send = (mode: 'preview' | 'import') => {
    if (!file || busy) return;
    const data = new FormData();
    data.append('file', file);
    data.append('mode', mode);
    data.append('kind', kind);
    data.append('format', format);
    data.append('brand', brand);
    data.append('currency', currency);
    data.append('partial', partial ? 'true' : 'false');
    setBusy(true);
    setFailure(null);
    api
      .resourceAction({ resourceId: resource.id, actionName: action.name, data, method: 'post' })
      .then((response) => setAnswer(((response.data as { upload?: ImportUploadAnswer }) || {}).upload ?? null))
      .catch((error: Error) => setFailure('The file could not be sent: ' + (error.message || 'network error')))
      .finally(() => setBusy(false));
  };

  const columns = answer && answer.preview && answer.preview.length ? Object.keys(answer.preview[0]) : [];
  return (
    <Box variant="container" data-testid="import-upload">
      <H3>Upload performance data</H3>
      <Text mb="lg" color="grey80">
        Creator sales (the affiliate / shop export) or post performance, as CSV. A file is stored whole or not at all unless you tick "good rows only"; importing the same rows again replaces them.
      </Text>
      <FormGroup>
        <Label htmlFor="import-kind">What the file holds</Label>
        <select id="import-kind" style={selectStyle} value={kind} onChange={(e) => setKind(e.target.value)} data-testid="import-kind">
          <option value="creator-sales">Creator sales</option>
          <option value="post-performance">Post performance</option>
        </select>
      </FormGroup>
      {kind === 'creator-sales' ? (
        <>
          <FormGroup>
            <Label htmlFor="import-format">Format</Label>
            <select id="import-format" style={selectStyle} value={format} onChange={(e) => setFormat(e.target.value)} data-testid="import-format">
              <option value="canonical">CreatorOps columns (date, creator, orders, gmv, returns, cancellations, currency)</option>
              <option value="tiktok-shop-affiliate-orders">TikTok Shop affiliate orders export</option>
            </select>
          </FormGroup>
          {format !== 'canonical' ? (
            <>
              <FormGroup>
                <Label htmlFor="import-brand">Brand (the shop the export came from)</Label>
                <input id="import-brand" style={selectStyle} value={brand} onChange={(e) => setBrand(e.target.value)} data-testid="import-brand" />
              </FormGroup>
              <FormGroup>
                <Label htmlFor="import-currency">Currency, when the export has no Currency column</Label>
                <input id="import-currency" style={selectStyle} value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} data-testid="import-currency" />
              </FormGroup>
            </>
          ) : null}
        </>
      ) : null}
      <FormGroup>
        <Label htmlFor="import-file">CSV file</Label>
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files && e.target.files[0] ? e.target.files[0] : null)} data-testid="import-file" />
      </FormGroup>
      <FormGroup>
        <label>
          <input type="checkbox" checked={partial} onChange={(e) => setPartial(e.target.checked)} data-testid="import-partial" /> Good rows only: store the good rows even if some are bad
        </label>
      </FormGroup>
      <Box flex flexDirection="row" style={{ gap: '12px' }} mb="lg">
        <Button type="button" variant="outlined" disabled={!file || busy} onClick={() => send('preview')} data-testid="import-preview">
          Preview
        </Button>
        <Button type="button" variant="contained" disabled={!file || busy} onClick={() => send('import')} data-testid="import-submit">
          {busy ? 'Working…' : 'Import'}
        </Button>
      </Box>
      {failure ? <MessageBox message={failure} variant="danger" mb="lg" /> : null}
      {answer ? (
        <Box data-testid="import-answer">
          {answer.message ? <MessageBox message={answer.message} variant="danger" mb="lg" /> : null}
          <Text fontWeight="bold" data-testid="import-outcome">
            {answer.mode === 'preview'
              ? `Preview: ${answer.rejectedCount} bad, ${(answer.preview ?? []).length} good rows shown — nothing stored`
              : answer.outcome === 'refused'
                ? `Nothing stored: ${answer.rejectedCount} bad rows`
                : `Stored: ${answer.imported} new, ${answer.replaced} replaced${answer.rejectedCount ? `, ${answer.rejectedCount} bad rows left out` : ''}`}
          </Text>
          {answer.rejected.length ? (
            <Table style={{ marginTop: 16 }} data-testid="import-rejected">
              <TableHead>
                <TableRow>
                  <TableCell>Line</TableCell>
                  <TableCell>Column</TableCell>
                  <TableCell>Problem</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {answer.rejected.map((r, i) => (
                  <TableRow key={i}>
                    <TableCell>{r.line}</TableCell>
                    <TableCell>{r.column ?? ''}</TableCell>
                    <TableCell>{r.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
          {columns.length ? (
            <Table style={{ marginTop: 16 }} data-testid="import-preview-rows">
              <TableHead>
                <TableRow>
                  {columns.map((c) => (
                    <TableCell key={c}>{c}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {(answer.preview ?? []).map((row, i) => (
                  <TableRow key={i}>
                    {columns.map((c) => (
                      <TableCell key={c}>{row[c] === null || row[c] === undefined ? '' : String(row[c])}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
};

export default ImportUpload;
