import type { ApiCall, ApiRequest, ApiResponse, CmsHaApi } from '../../../shared/ipc/apiContract.ts';
import { unwrapCallOutcome, type PreloadBridge } from '../../../shared/ipc/callOutcome.ts';

/** The typed API over Electron's preload: a refused call becomes the same ApiCallError as over the harness. */
export function preloadApi(bridge: PreloadBridge): CmsHaApi {
  return {
    call: async <C extends ApiCall>(channel: C, request: ApiRequest<C>) =>
      unwrapCallOutcome(await bridge.call(channel, request)) as ApiResponse<C>,
    on: (event, listener) => bridge.on(event, listener as (payload: unknown) => void),
  };
}
