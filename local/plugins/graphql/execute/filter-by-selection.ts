/**
 * Keeps only the parts of `value` that the field's selection asked for, as AppSync filters the
 * `data` of an error entry. Paths come from `selectionSetList`.
 */
export function filterBySelection(value: unknown, selectionSetList: readonly string[], prefix = ''): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => filterBySelection(item, selectionSetList, prefix));
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const path = prefix + key;
    if (selectionSetList.includes(path)) kept[key] = filterBySelection(item, selectionSetList, `${path}/`);
  }
  return kept;
}
