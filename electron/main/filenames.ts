// Pure: turns a name the renderer suggests into a safe base name. The
// renderer never chooses a folder; this keeps it from smuggling one in.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

export function safeFileName(suggested: string, extension: string): string {
  let name = suggested
    // Control characters are exactly what must go: they break file systems.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
  if (name === '' || RESERVED.test(name)) name = `文件_${name || 'untitled'}`
  if (name.length > 150) name = name.slice(0, 150)
  const ext = `.${extension}`
  return name.toLowerCase().endsWith(ext) ? name : name + ext
}
