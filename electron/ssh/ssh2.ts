// The only door to ssh2: the DH group fallback must be installed before ssh2 loads (it binds
// crypto.createDiffieHellmanGroup at load time). ES modules evaluate their imports in order.
import './dhGroupFallback.ts';
import ssh2 from 'ssh2';

export const { Client, Server, utils } = ssh2;
export type {
  Algorithms,
  AuthContext,
  ClientChannel,
  ConnectConfig,
  KeyboardInteractiveCallback,
  Prompt,
  ServerChannel,
  Connection as ServerConnection,
  Session as ServerSession,
} from 'ssh2';
