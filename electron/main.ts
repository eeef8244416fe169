import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, net, protocol, safeStorage, session, shell } from 'electron';
import { RENDERER_ENTRY, rendererFileFor } from './app/rendererFiles.ts';
import type { AppService } from './app/appService.ts';
import { reportUnexpectedErrors } from './core/unexpectedErrors.ts';
import { sendApiEvent, serveApiOverIpc } from './ipcApi.ts';
import { loadInstallationKey } from './signing/installationKey.ts';
import { protectedFileVault } from './signing/keyVaults.ts';
import type { PdfPageFrame } from '../shared/report/reportPageFrame.ts';
import { readWindowBoundsSync, writeWindowBoundsSync } from './windowBounds.ts';

/**
 * The Electron shell: one window, locked down along Electron's security checklist, and the typed API
 * on IPC. Everything the app does lives in the Node core (electron/ outside the shell files) and in
 * the renderer.
 */
const RENDERER_DIR = fileURLToPath(new URL('../../renderer/dist/', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));

let mainWindow: BrowserWindow | null = null;

/** The report printed by Electron's own Chromium: a hidden window without scripts, destroyed after. */
async function printPdfInElectron(html: string, frame: PdfPageFrame): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: frame.headerTemplate,
      footerTemplate: frame.footerTemplate,
    });
  } finally {
    window.destroy();
  }
}

const command = (name: 'new-session' | 'open-session' | 'export-report') => () =>
  sendApiEvent(mainWindow?.webContents ?? null, 'app.command', { command: name });

function createMainWindow(service: AppService): BrowserWindow {
  const window = new BrowserWindow({
    ...readWindowBoundsSync(app.getPath('userData')),
    title: 'CMS HA Upgrade',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  let closingAnyway = false;
  window.on('close', (event) => {
    writeWindowBoundsSync(app.getPath('userData'), window.getNormalBounds());
    const step = service.currentStep;
    if (!step || closingAnyway) return;
    event.preventDefault();
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Keep working', 'Close anyway'],
      defaultId: 0,
      cancelId: 0,
      message: `${step} is running.`,
      detail: 'Closing now leaves it interrupted in the journal; it will not be re-run on its own.',
    });
    if (choice !== 1) return;
    closingAnyway = true;
    service.interruptRunningStep('the window was closed while it ran').then(
      () => window.close(),
      (error: unknown) => {
        service.recordUnexpected(error);
        window.close();
      },
    );
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window
    .loadURL(RENDERER_ENTRY)
    .catch((error: unknown) =>
      dialog.showErrorBox('CMS HA Upgrade', `The window could not be loaded: ${String(error)}`),
    );
  return window;
}

app.enableSandbox();
// The window is served from app://cms-ha/, a standard secure scheme, never from file://.
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

async function start(): Promise<void> {
  protocol.handle('app', (request) => {
    const file = rendererFileFor(request.url, RENDERER_DIR);
    return file ? net.fetch(pathToFileURL(file).href) : new Response('Not found', { status: 404 });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // The key that signs every journal head and export, kept encrypted by the system's key store.
  const installationKey = await loadInstallationKey(protectedFileVault(app.getPath('userData'), safeStorage));
  const service = serveApiOverIpc({
    installationKey,
    sessionsRoot: path.join(app.getPath('userData'), 'sessions'),
    rendererUrl: RENDERER_ENTRY,
    contents: () => mainWindow?.webContents ?? null,
    printPdf: printPdfInElectron,
    // Only exports of the open session reach these (AppService checks the path first).
    desktopShell: {
      openPath: (file) => shell.openPath(file),
      showItemInFolder: (file) => shell.showItemInFolder(file),
    },
  });
  reportUnexpectedErrors(process, (error) => service.recordUnexpected(error));
  app.on('will-quit', () => {
    service.close().catch((error: unknown) => process.stderr.write(`cms-ha: closing: ${String(error)}\n`));
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      {
        label: 'File',
        submenu: [
          { label: 'New session…', accelerator: 'CmdOrCtrl+N', click: command('new-session') },
          { label: 'Open session…', accelerator: 'CmdOrCtrl+O', click: command('open-session') },
          { label: 'Export report…', accelerator: 'CmdOrCtrl+E', click: command('export-report') },
          { type: 'separator' },
          { role: 'quit' },
        ],
      },
      { role: 'editMenu' },
      {
        label: 'View',
        submenu: [
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          { role: 'togglefullscreen' },
        ],
      },
      { role: 'windowMenu' },
    ]),
  );
  mainWindow = createMainWindow(service);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(service);
  });
}

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    dialog.showErrorBox('CMS HA Upgrade', `The app could not start: ${String(error)}`);
    app.quit();
  });

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
