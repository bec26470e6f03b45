// What the readers accept at most, checked before the work, so a hostile or careless file is refused
// with its name and the limit instead of exhausting memory or hanging. Each value is far above any
// real input (the largest file in data/ is a 40 KB codebook; a survey has a few hundred rows) and far
// below what a 2-core, 4 GB machine can take.

/** Bytes of one input file: over 100× the largest real input; 20 MB of blank lines ran out of heap. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Lines of a CSV file / rows of a worksheet: a survey of 100 respondents × 100 questions is 10,000; the reader is tested on 100,000. */
export const MAX_ROWS = 200_000;

/** Columns of a table: the widest format has 6; 200,000 header columns overflowed the stack. */
export const MAX_COLUMNS = 100;

/** Characters in one cell: a long note or source is a few hundred; a 10 MB value gave 31 MB of errors. */
export const MAX_CELL_CHARS = 10_000;

/** Bytes an XLSX expands to, as its zip declares: a real sheet is under 100 KB; a 1 MB zip bomb took 4 GB. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

/** YAML aliases (*name) resolved in one file: the codebooks use none; each alias of an alias doubles the data. */
export const MAX_YAML_ALIASES = 100;

/** Problems listed per file; the rest are counted. Enough to see the pattern of a file's mistakes. */
export const MAX_PROBLEMS_PER_FILE = 50;

/** Characters of one message; a longer one (quoting a long value) is cut, so output stays bounded. */
export const MAX_MESSAGE_CHARS = 1_000;
