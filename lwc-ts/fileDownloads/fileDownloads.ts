// Hands a finished file to the browser as a download: an SVG picture as it is or drawn onto a canvas as a
// PNG (sharper than the screen for print), or any other file such as a CSV. Shared by every view that
// exports; always through a blob URL, which Lightning Web Security allows where it blocks data: links.
import { pngScale } from 'c/orgChartExport';

/**
 * Lightning Web Security accepts a Blob's MIME type without parameters only ("Specify a MIME Type for Blob
 * Objects"); SVG text is UTF-8 by definition.
 */
const SVG_TYPE = 'image/svg+xml';

export interface Picture {
    markup: string;
    width: number;
    height: number;
}

/** A file name from a record's name: letters and digits kept, the rest one dash. */
export function fileNameOf(name: string | null | undefined, fallback: string, suffix: string): string {
    return `${(name || fallback).replace(/[^\p{L}\p{N}]+/gu, '-')}-${suffix}`;
}

/**
 * Keeps the last picture's object URL alive until the next download: revoking it at once can cancel a
 * download the browser has not started reading yet.
 */
export class FileDownloads {
    private lastUrl?: string;

    private save(href: string, fileName: string): void {
        const link = document.createElement('a');
        link.href = href;
        link.download = fileName;
        link.click();
        this.release();
        if (href.startsWith('blob:')) this.lastUrl = href;
    }

    /** Saves any finished file (a CSV, a picture) under its name, through a blob URL. */
    file(content: Blob, fileName: string): void {
        this.save(URL.createObjectURL(content), fileName);
    }

    /** Frees the last picture (call when the component leaves the page). */
    release(): void {
        if (this.lastUrl) URL.revokeObjectURL(this.lastUrl);
        this.lastUrl = undefined;
    }

    svg(picture: Picture, fileName: string): void {
        this.save(URL.createObjectURL(new Blob([picture.markup], { type: SVG_TYPE })), `${fileName}.svg`);
    }

    /** Draws the SVG on a canvas and saves that; `onFail` hears when the browser cannot. */
    png(picture: Picture, fileName: string, onFail: () => void): void {
        const image = new Image();
        const source = URL.createObjectURL(new Blob([picture.markup], { type: SVG_TYPE }));
        image.onload = () => {
            const scale = pngScale(picture.width, picture.height);
            const canvas = document.createElement('canvas');
            canvas.width = Math.round(picture.width * scale);
            canvas.height = Math.round(picture.height * scale);
            const context = canvas.getContext('2d');
            URL.revokeObjectURL(source);
            if (!context) {
                onFail();
                return;
            }
            context.scale(scale, scale);
            context.drawImage(image, 0, 0);
            // a blob URL, not a data: URL: Lightning Web Security blocks data: links
            canvas.toBlob((png) => {
                if (png) this.save(URL.createObjectURL(png), `${fileName}.png`);
                else onFail();
            }, 'image/png');
        };
        image.onerror = () => {
            URL.revokeObjectURL(source);
            onFail();
        };
        image.src = source;
    }
}
