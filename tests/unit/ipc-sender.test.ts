import { describe, expect, it } from 'vitest'
import { isTrustedFrameUrl } from '../../electron/common/trustedFrame'

const APP = 'file:///opt/Pressecoder/resources/app/out/renderer/index.html'

describe('the IPC sender check', () => {
  it('accepts only the app page in the top-level frame', () => {
    expect(isTrustedFrameUrl(`${APP}#/doc`, true, APP)).toBe(true)
    expect(isTrustedFrameUrl(APP, false, APP)).toBe(false) // an iframe inside the app page
    expect(isTrustedFrameUrl('file:///tmp/evil.html', true, APP)).toBe(false)
    expect(isTrustedFrameUrl('https://example.org/', true, APP)).toBe(false)
    expect(isTrustedFrameUrl('not a url', true, APP)).toBe(false)
    expect(isTrustedFrameUrl('http://localhost:5173/', true, 'http://localhost:5173/')).toBe(true)
    expect(isTrustedFrameUrl('http://localhost:5174/', true, 'http://localhost:5173/')).toBe(false)
  })
})
