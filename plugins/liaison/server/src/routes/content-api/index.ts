/** Nothing of the liaison network is public yet: the chapter directory comes with its own issue. */
export default { type: 'content-api', routes: [] };
