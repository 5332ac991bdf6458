import { useSearchParams } from 'react-router';
import { apiQueryFromParams, dateRangeError, type FilterField } from '../../lib/query-string';

/**
 * A list's filters, account, sort and order as they stand in the page's URL (shareable): the API query they make,
 * whether their date range cannot match anything (then the list is not queried), the filter form's values, and
 * `apply` for the form, which keeps the sort and drops everything else the URL had (a page of results, a selection).
 */
export function useListParams(fields: readonly FilterField[]) {
  const [params, setParams] = useSearchParams();
  const query = apiQueryFromParams(params, fields);
  const rangeInvalid = dateRangeError(Object.fromEntries(params), fields) !== null;

  const formValue: Record<string, string> = {};
  for (const key of ['accountId', ...fields.map((f) => f.param)]) {
    const v = params.get(key);
    if (v) formValue[key] = v;
  }
  const apply = (values: Record<string, string>) =>
    setParams((p) => {
      const next = new URLSearchParams();
      for (const key of ['sort', 'order']) {
        const v = p.get(key);
        if (v) next.set(key, v);
      }
      for (const [k, v] of Object.entries(values)) next.set(k, v);
      return next;
    });

  return { params, setParams, query, rangeInvalid, formValue, apply };
}
