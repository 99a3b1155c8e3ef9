import { render } from 'preact';
import { App, preloadScreen } from './ui/App.tsx';
import { boot } from './ui/boot.ts';
import { StartupError } from './ui/components/StartupError.tsx';
import './ui/styles.css';

const root = document.getElementById('app');
if (root) {
  const listsDirectory = preloadScreen(location.pathname);
  boot({ catalogFirst: listsDirectory }).then(
    (context) => render(<App context={context} />, root),
    (error: unknown) => {
      console.error(error);
      render(<StartupError />, root);
    },
  );
}
