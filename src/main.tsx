// First: online, the directory's worker starts before the rest of the entry is evaluated (early-worker.ts), or a partner
// sheet opened from its link asks for the server's copy (early-sheet.ts).
import './ui/early-worker.ts';
import { render } from 'preact';
import { boot } from './ui/boot.ts';
import { App, preloadScreen } from './ui/shell/App.tsx';
import { StartupError } from './ui/shell/StartupError.tsx';
import './ui/styles.css';

const root = document.getElementById('app');
if (root) {
  boot({ catalog: preloadScreen(location.pathname) }).then(
    (context) => render(<App context={context} />, root),
    (error: unknown) => {
      console.error(error);
      render(<StartupError />, root);
    },
  );
}
