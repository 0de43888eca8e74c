import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

export interface DimensionCoverage {
  dimension: 'cohort' | 'college' | 'region' | 'industry';
  scopes: number;
  covered: number;
  activePosts: number;
}

export interface Overview {
  alumni: number;
  dimensions: DimensionCoverage[];
}

export const useOverview = () => {
  const { get } = useFetchClient();
  const [state, setState] = useState<{ data?: Overview; error?: unknown; loading: boolean }>({ loading: true });
  useEffect(() => {
    let live = true;
    get('/liaison/overview')
      .then((res) => live && setState({ data: res.data.data, loading: false }))
      .catch((error) => live && setState({ error, loading: false }));
    return () => {
      live = false;
    };
  }, [get]);
  return state;
};
