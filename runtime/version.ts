/** Kiln's version, kept in step with package.json (a test checks). */
export const kilnVersion = "0.1.0";

/** The version of Kiln's on-disk formats (kiln.lock, cache keys, registry records). */
export const formatVersion = 1;
