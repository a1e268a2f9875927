// The preview's lightning/platformResourceLoader: adds the script or style tag once and resolves when
// it has loaded, as the platform does for static resources.
const loaded = new Map<string, Promise<void>>();

function load(url: string, make: () => HTMLElement): Promise<void> {
    if (!loaded.has(url)) {
        loaded.set(
            url,
            new Promise((resolve, reject) => {
                const element = make();
                element.addEventListener('load', () => resolve());
                element.addEventListener('error', () => reject(new Error(`Could not load ${url}`)));
                document.head.appendChild(element);
            })
        );
    }
    return loaded.get(url)!;
}

export function loadScript(_component: unknown, url: string): Promise<void> {
    return load(url, () => Object.assign(document.createElement('script'), { src: url }));
}

export function loadStyle(_component: unknown, url: string): Promise<void> {
    return load(url, () => Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url }));
}
