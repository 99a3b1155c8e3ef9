import { render } from 'preact';
import { App, preloadScreen } from './ui/App.tsx';
import { boot } from './ui/boot.ts';
import { StartupError } from './ui/components/StartupError.tsx';
import './ui/styles.css';

const root = document.getElementById('app');
if (root) {
  preloadScreen(location.pathname);
  // index.html paints a copy of the bar before this code runs: it goes in the task that draws the real one.
  const bootBar = document.getElementById('boot-bar');
  boot().then(
    (context) => {
      bootBar?.remove();
      render(<App context={context} />, root);
    },
    (error: unknown) => {
      console.error(error);
      bootBar?.remove();
      render(<StartupError />, root);
    },
  );
}
