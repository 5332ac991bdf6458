export { TerminalPage } from './components/terminal-page';
