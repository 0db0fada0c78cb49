// Set by vite.config.ts (define): the version and commit of this build, shown in the footer.
declare const __POWLAB_BUILD__: string;
