/**
 * Several answers in one round trip: a node script prints `sectionLine(name)` before each
 * part of its output, and `splitSections` takes them apart again by name.
 */
const SECTION_MARK = '@@kube-rescue@@';

/** The shell line that starts the section `name`. */
export function sectionLine(name: string): string {
  return `echo '${SECTION_MARK}${name}'`;
}

/** What came before the first section, and each section's text (after its name line). */
export function splitSections(stdout: string): { head: string; sections: Map<string, string> } {
  const [head = '', ...parts] = stdout.split(SECTION_MARK);
  const sections = new Map<string, string>();
  for (const part of parts) {
    const nl = part.indexOf('\n');
    if (nl < 0) sections.set(part, '');
    else sections.set(part.slice(0, nl), part.slice(nl + 1));
  }
  return { head, sections };
}
