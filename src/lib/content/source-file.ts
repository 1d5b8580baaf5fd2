// A content file as the checks see it: its path from the project root and its text. Shared by the
// essay, issue and body checks, which must not import each other for it.
export interface SourceFile {
  /** Path relative to the project root, e.g. "content/essays/foo.mdx". */
  file: string;
  text: string;
}
