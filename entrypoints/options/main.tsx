import { render } from 'preact';

function Options() {
  return <main><h1>Pith Lens options</h1></main>;
}
render(<Options />, document.getElementById('app')!);
