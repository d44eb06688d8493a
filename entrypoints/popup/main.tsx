import { render } from 'preact';

function Popup() {
  return <main><h1>Pith Lens</h1></main>;
}
render(<Popup />, document.getElementById('app')!);
