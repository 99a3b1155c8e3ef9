import { render, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { useLoadedModel } from './use-loaded-model.ts';

interface Model {
  name: string;
  follow: () => () => void;
}

function Screen(props: { load: () => Promise<Model>; topic: string }) {
  const model = useLoadedModel(props.load, (m) => m.follow(), [props.topic]);
  return <p>{model ? `${model.name} ${props.topic}` : 'Chargement…'}</p>;
}

function aModel(name: string) {
  const stop = vi.fn();
  const model: Model = { name, follow: vi.fn(() => stop) };
  return { model, stop };
}

describe('useLoadedModel: load, then follow', () => {
  it('shows « Chargement… » until the model is there, follows it, and stops following when the screen goes', async () => {
    const { model, stop } = aModel('campagnes');
    const view = render(<Screen load={async () => model} topic="a" />);
    expect(view.container.textContent).toBe('Chargement…');
    await waitFor(() => expect(view.container.textContent).toBe('campagnes a'));
    expect(model.follow).toHaveBeenCalledTimes(1);
    expect(stop).not.toHaveBeenCalled();
    view.unmount();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('never follows a model that arrives after the screen has gone', async () => {
    const { model } = aModel('signalements');
    let arrive: (m: Model) => void = () => {};
    const loading = new Promise<Model>((resolve) => {
      arrive = resolve;
    });
    const view = render(<Screen load={() => loading} topic="a" />);
    view.unmount();
    arrive(model);
    await loading;
    await Promise.resolve();
    expect(model.follow).not.toHaveBeenCalled();
  });

  it('follows anew when what it follows changes (another partner), stopping the previous follow', async () => {
    const { model, stop } = aModel('fiche');
    const load = async () => model;
    const view = render(<Screen load={load} topic="a" />);
    await waitFor(() => expect(model.follow).toHaveBeenCalledTimes(1));
    view.rerender(<Screen load={load} topic="b" />);
    expect(stop).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(model.follow).toHaveBeenCalledTimes(2));
    // Re-rendering with the same topic does not follow again.
    view.rerender(<Screen load={load} topic="b" />);
    await waitFor(() => expect(view.container.textContent).toBe('fiche b'));
    expect(model.follow).toHaveBeenCalledTimes(2);
    view.unmount();
    expect(stop).toHaveBeenCalledTimes(2);
  });
});
