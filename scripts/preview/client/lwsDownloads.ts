// What Lightning Web Security does to downloads, in the preview: a link to a data: URL is blocked ("Use
// Blob Objects for Download Links"), and a Blob whose MIME type LWS does not allow, or that carries
// parameters, is refused ("Specify a MIME Type for Blob Objects"). The preview cannot sandbox like LWS, so
// it refuses the same things loudly — an error in the console, which every browser test asserts there are
// none of — and the component's author learns it here rather than in an org.

/** The MIME types LWS allows or sanitizes; a trailing slash allows the whole family. */
export const LWS_MIME_TYPES: readonly string[] = [
    'application/octet-stream',
    'application/json',
    'application/pdf',
    'video/',
    'audio/',
    'image/',
    'font/',
    'text/plain',
    'text/markdown',
    'application/zip',
    'application/x-bzip',
    'application/x-rar-compressed',
    'application/x-tar',
    'text/html',
    'text/xml'
];

/** Why LWS would refuse a Blob of this type, or null when it allows it. */
export function blobTypeRefusal(type: string | undefined): string | null {
    if (!type) return 'a Blob needs a MIME type under Lightning Web Security';
    if (type.includes(';')) return `Lightning Web Security does not support MIME type parameters: ${type}`;
    const allowed = LWS_MIME_TYPES.some((entry) =>
        entry.endsWith('/') ? type.startsWith(entry) : type === entry
    );
    return allowed ? null : `Unsupported MIME type (Lightning Web Security): ${type}`;
}

export function installLwsDownloadRules(target: typeof globalThis = globalThis): void {
    const NativeBlob = target.Blob;
    class CheckedBlob extends NativeBlob {
        constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
            super(parts, options);
            const refusal = blobTypeRefusal(options?.type);
            if (refusal) console.error(refusal);
        }
    }
    target.Blob = CheckedBlob;
    const click = target.HTMLAnchorElement.prototype.click;
    target.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement): void {
        if (this.href.startsWith('data:'))
            console.error(
                `Lightning Web Security blocks links to data: URLs (${this.download || this.href.slice(0, 30)})`
            );
        else click.call(this);
    };
}
