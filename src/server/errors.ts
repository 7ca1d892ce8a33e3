import { ApiError } from '../contract/errors'

export const notFound = (what: string) => new ApiError('not_found', `${what} does not exist`)
